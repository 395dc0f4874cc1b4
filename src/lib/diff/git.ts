/**
 * Git plumbing for comparing the registry at two revisions: the merge base, the files changed,
 * and a copy of the data directory as it was at a revision (from the object store, so the
 * working tree and the index are never touched).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Runs git in `cwd` and returns its standard output. */
function git(cwd: string, args: string[], input?: Buffer | string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Why a git operation failed, in Chinese. */
export class GitError extends Error {}

/** The top directory of the repository containing `dir`. */
export function repoRoot(dir: string): string {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new GitError(`${dir} 不在 git 仓库中`);
  }
}

/** The full commit id of a revision. */
export function resolveCommit(root: string, rev: string): string {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    throw new GitError(`找不到 git 提交 ${rev}（在 CI 中需要先 git fetch 基准分支）`);
  }
}

/** The merge base of two revisions, or the first one when they share no history. */
export function mergeBase(root: string, base: string, head: string): string {
  try {
    return git(root, ['merge-base', base, head]).toString('utf8').trim();
  } catch {
    return resolveCommit(root, base);
  }
}

/**
 * Paths (relative to the repository root, `/`-separated) that differ between `from` and `to`;
 * without `to`, between `from` and the working tree, untracked files included.
 */
export function changedPaths(root: string, from: string, to?: string): string[] {
  const diff = git(root, ['diff', '--name-only', '-z', '--no-renames', from, ...(to ? [to] : []), '--'])
    .toString('utf8')
    .split('\0');
  const untracked = to ? [] : git(root, ['ls-files', '--others', '--exclude-standard', '-z']).toString('utf8').split('\0');
  return [...new Set([...diff, ...untracked].filter(Boolean))].sort();
}

/**
 * Writes the files under `subdir` (relative to the root, e.g. `data`) as they are at `rev` into
 * `dest` (which then plays the data directory). Returns the number of files; 0 when `subdir`
 * did not exist at `rev`. Symbolic links are left out (the loader refuses them anyway).
 */
export function exportTree(root: string, rev: string, subdir: string, dest: string): number {
  const prefix = subdir.replace(/\/+$/, '');
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', resolveCommit(root, rev), '--', prefix]).toString('utf8');
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t') as [string, string];
      const [mode, type, sha] = meta.split(' ') as [string, string, string];
      return { mode, type, sha, file };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && (e.file === prefix || e.file.startsWith(`${prefix}/`)));
  mkdirSync(dest, { recursive: true });
  if (entries.length === 0) return 0;
  const batch = git(root, ['cat-file', '--batch'], `${entries.map((e) => e.sha).join('\n')}\n`);
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(0x0a, offset);
    const [, , size] = batch.subarray(offset, headerEnd).toString('utf8').split(' ');
    const start = headerEnd + 1;
    const end = start + Number(size);
    const target = path.join(dest, ...entry.file.slice(prefix.length + 1).split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, batch.subarray(start, end));
    offset = end + 1;
  }
  return entries.length;
}
