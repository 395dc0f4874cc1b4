/**
 * `npm run pr-summary -- --base REF [--head REF] [--data DIR] [--as-of YYYY-MM-DD]`: says in
 * words what a pull request does to the registry, by loading the model at the merge base of REF
 * and HEAD (exported from git into a temporary folder) and at the head (the working tree, or
 * `--head REF`), and comparing the two. Markdown on stdout and, in GitHub Actions, appended to
 * the job summary (`$GITHUB_STEP_SUMMARY`), with the points that need attention as warnings.
 *
 * Exit 0: summary written (it never fails a build). Exit 2: usage or git problem.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { annotated, capMarkdown } from '../lib/ci-output.ts';
import { todayInChina } from '../lib/dates.ts';
import { changedPaths, exportTree, GitError, mergeBase, repoRoot, resolveCommit } from '../lib/diff/git.ts';
import { diffRegistries } from '../lib/diff/model.ts';
import { renderSummary } from '../lib/diff/summary.ts';
import { loadRegistry, type LoadResult } from '../lib/registry.ts';
import { checkDate, parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';
import type { Io } from './validate.ts';

export const USAGE = `用法：npm run pr-summary -- --base REF [选项]

比较基准提交与当前修改后的名录，用文字列出本次开设、变更、关停、恢复、注销了哪些账号，
新增了哪些单位、仿冒账号和巡查记录，以及需要审核人注意的地方。

  --base REF          基准（例如 origin/main）；与当前提交的共同祖先比较
  --head REF          修改后的提交（默认：当前工作目录中的文件）
  --data DIR          数据目录（默认 data）
  --as-of YYYY-MM-DD  以哪一天为“今天”（默认：北京时间今天）
  -h, --help          显示本帮助

在 GitHub Actions 中同时写入作业摘要（$GITHUB_STEP_SUMMARY）。`;

interface Options {
  base: string;
  head?: string;
  dataDir: string;
  asOf: string;
}

function parseOptions(argv: string[], io: Io): Options | 'help' {
  const { values } = parseFlags(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    data: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) return 'help';
  if (!values.base) throw new UsageError('缺少 --base');
  const asOf = values['as-of'] ?? todayInChina();
  checkDate('--as-of', asOf);
  return { base: values.base, head: values.head, dataDir: resolveDataDir(io.cwd, values.data), asOf };
}

/** Runs the summary; returns the exit code. */
export function runPrSummary(argv: string[], io: Io): number {
  const options = readOptions(() => parseOptions(argv, io), USAGE, '错误：', io);
  if (typeof options === 'number') return options;
  const { asOf, dataDir } = options;

  const temp = mkdtempSync(path.join(os.tmpdir(), 'pr-summary-'));
  try {
    const root = repoRoot(dataDir);
    const dataPath = path.relative(root, dataDir).split(path.sep).join('/');
    const head = options.head ? resolveCommit(root, options.head) : undefined;
    const baseCommit = mergeBase(root, resolveCommit(root, options.base), head ?? 'HEAD');

    const load = (dir: string | null): LoadResult | null => (dir ? loadRegistry(dir, { asOf }) : null);
    const baseDir = path.join(temp, 'base', 'data');
    const base = load(exportTree(root, baseCommit, dataPath, baseDir) > 0 ? baseDir : null);
    let headDir = dataDir;
    if (head) {
      headDir = path.join(temp, 'head', 'data');
      exportTree(root, head, dataPath, headDir);
    }
    const after = load(headDir)!;
    // Problems name files `data/…` in both exports and the working tree alike.
    const rename = (r: LoadResult | null) => (r?.problems ?? []).map((p) => ({ ...p, file: p.file.replace(/^[^/]+\//, `${dataPath}/`) }));

    const summary = renderSummary({
      diff: diffRegistries(base?.registry ?? null, after.registry),
      base: base?.registry ?? null,
      head: after.registry,
      baseProblems: rename(base),
      headProblems: rename(after),
      changedFiles: changedPaths(root, baseCommit, head),
      dataPath,
      baseLabel: `\`${options.base}\`（${baseCommit.slice(0, 7)}）`,
    });
    io.stdout(summary.markdown);
    // GitHub refuses a step summary over 1 MiB: cut, with a note of what was cut.
    if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, `${capMarkdown(summary.markdown)}\n`);
    if (io.env.GITHUB_ACTIONS === 'true') {
      // At most 10 annotations of a kind show: the 10th place counts the rest.
      const { attention } = summary;
      const shown = annotated(attention);
      if (shown.length < attention.length)
        core.warning(
          `共 ${attention.length} 处需要注意，另有 ${attention.length - shown.length} 处未标注：见本次运行的 Summary（作业摘要）。`,
          {
            title: '请审核人注意',
          },
        );
      for (const a of shown) core.warning(a.replace(/\\(.)/g, '$1'), { title: '请审核人注意' });
    }
    return 0;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    io.stderr(`错误：${error.message}\n`);
    return 2;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
