/**
 * The adversarial corpus (test/fixtures/adversarial/cases.ts): each case, applied to a fresh
 * copy of the fixture registry, gets exactly its expected verdict. Also: the corpus covers every
 * attack the issue lists, and `--changed` in a pull request still catches a reported impostor
 * filed as an official account.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from '../src/cli/validate.ts';
import type { LoadResult } from '../src/lib/registry.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { CASES, type AdversarialCase } from './fixtures/adversarial/cases.ts';
import { AS_OF, FIXTURE, REPO } from './helpers/fixture.ts';

const CORPUS = path.join(REPO, 'test', 'fixtures', 'adversarial', 'corpus');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A fresh copy of the fixture with the case applied; returns the data directory. */
function apply(c: AdversarialCase): string {
  const root = mkdtempSync(path.join(os.tmpdir(), `registry-adversarial-${c.id}-`));
  roots.push(root);
  const data = path.join(root, 'data');
  cpSync(FIXTURE, data, { recursive: true });
  const overlay = path.join(CORPUS, c.id);
  if (existsSync(overlay)) cpSync(overlay, data, { recursive: true });
  c.prepare?.(data, root);
  return data;
}

const rel = (file: string) => file.replace(/^data\//, '');
const sortKey = (p: readonly unknown[]) => JSON.stringify(p);

describe('the adversarial corpus', () => {
  it('has a folder or a prepare step for every case, and no folder without a case', () => {
    const folders = readdirSync(CORPUS).sort();
    expect(folders.filter((f) => !CASES.some((c) => c.id === f))).toEqual([]);
    for (const c of CASES) expect(existsSync(path.join(CORPUS, c.id)) || c.prepare !== undefined, c.id).toBe(true);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const result: LoadResult = loadRegistry(apply(c), { asOf: AS_OF });
    let rest = result.problems;
    if (c.rules) {
      for (const [rule, file, line] of c.rules) {
        const found = rest.find((p) => p.rule === rule && rel(p.file) === file && p.line === line);
        expect(found, `${rule} ${file}:${line}`).toBeDefined();
        rest = rest.filter((p) => p !== found);
      }
    }
    if (c.problems) {
      expect(rest.map((p) => [p.code, rel(p.file), p.line]).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
        c.problems.map((p) => [...p]).sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      );
    }
    if (c.counts) {
      const counts: Record<string, number> = {};
      for (const p of rest) counts[p.code] = (counts[p.code] ?? 0) + 1;
      expect(counts).toEqual(c.counts);
    }
    c.check?.(result);
    // Whatever the attack, every problem says where it is.
    for (const p of result.problems) expect(p.line >= 1 && p.column >= 1 && p.file.startsWith('data/'), JSON.stringify(p)).toBe(true);
  });
});

/** A describe block checking that each `[attack, case id]` has its case in the corpus. */
function covers(title: string, attacks: [attack: string, id: string][]): void {
  describe(title, () => {
    const ids = CASES.map((c) => c.id);
    it.each(attacks)('%s', (_, id) => {
      expect(ids).toContain(id);
    });
  });
}

covers('the corpus covers the attacks on the loader and the site', [
  ['script and HTML in every text field', 'script-and-html'],
  ['javascript: and data: URLs', 'dangerous-urls'],
  ['look-alike hosts', 'lookalike-hosts'],
  ['zero-width and right-to-left override characters', 'invisible-characters'],
  ['homoglyph names and handles', 'homoglyphs'],
  ['a handle equal to another account’s after normalisation', 'normalised-duplicates'],
  ['YAML bombs', 'yaml-bombs'],
  ['deep nesting', 'deep-nesting'],
  ['10 MB strings', 'ten-megabyte-strings'],
  ['10,000 accounts in one unit', 'ten-thousand-accounts'],
  ['symlinks and files escaping the data directory', 'links-and-special-files'],
  ['non-UTF-8 encodings', 'encodings'],
]);

covers('the corpus covers the attacks on data integrity', [
  ['Markdown and HTML from filings in CI output', 'markdown-in-filings'],
  ['invisible and bidi characters in comments, lone surrogates', 'trojan-comments'],
  ['personal data in every disguise, in values, comments and file names', 'personal-data-disguises'],
  ['personal data: near misses stay accepted', 'personal-data-near-misses'],
  ['facts that cannot be true', 'impossible-facts'],
  ['thresholds in an impossible order', 'impossible-policy'],
  ['bounded rule output', 'rule-flood'],
  ['messages that point the right way', 'misleading-messages'],
]);

describe('a pull request that files a reported impostor as an official account', () => {
  it('fails `validate --changed` with the problems on the changed files, not on the unchanged originals', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'registry-adversarial-git-'));
    roots.push(root);
    const data = path.join(root, 'data');
    cpSync(FIXTURE, data, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'smuggle');
    cpSync(path.join(CORPUS, 'impostor-as-official'), data, { recursive: true });
    // And a copy of a unit whose folder sorts before the original: the duplicates land on the unchanged files.
    cpSync(path.join(FIXTURE, 'units/suonan-zhen'), path.join(data, 'units/aaa-copy'), { recursive: true });
    writeFileSync(path.join(data, 'units/aaa-copy/unit.yaml'), 'id: aaa-copy\nname: 东乡族自治县锁南镇人民政府\nkind: township\n');
    rmSync(path.join(data, 'units/aaa-copy/accounts/kuaishou.yaml'));
    git('add', '-A');
    git('commit', '-qm', 'file an impostor and a copy as official');
    let stdout = '';
    const code = await runValidate(['--data', data, '--as-of', AS_OF, '--format', 'json', '--changed', 'main'], {
      stdout: (t: string) => void (stdout += t),
      stderr: () => undefined,
      env: {},
      cwd: root,
    } as never);
    const problems = JSON.parse(stdout).problems as { file: string; rule: string; line: number; message: string }[];
    expect(code).toBe(1);
    expect(
      problems
        .filter((p) => p.rule === 'duplicate-identifier')
        .map((p) => `${p.file}:${p.line}`)
        .sort(),
    ).toEqual([
      'data/units/aaa-copy/accounts/wechat.yaml:3',
      'data/units/aaa-copy/accounts/wechat.yaml:4',
      'data/units/suonan-zhen/accounts/douyin.yaml:3',
      'data/units/suonan-zhen/accounts/douyin.yaml:4',
    ]);
    const smuggled = problems.filter((p) => p.file === 'data/units/suonan-zhen/accounts/douyin.yaml' && p.rule === 'duplicate-identifier');
    for (const p of smuggled) expect(p.message).toContain('是已登记的仿冒账号（仿冒账号记录 dxjy-fake');
    // Turned around onto the pull request's copy: the owner of the original is never told to delete theirs.
    const copied = problems.filter((p) => p.file.startsWith('data/units/aaa-copy/') && p.rule === 'duplicate-identifier');
    for (const p of copied) expect(p.message).toContain('已被账号 suonan-zhen/wechat 使用');
    expect(problems.some((p) => p.file === 'data/units/suonan-zhen/accounts/wechat.yaml')).toBe(false);
  });
});
