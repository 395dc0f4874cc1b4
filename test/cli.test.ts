/** `npm run validate`: exit codes, output formats and `--changed`, on temporary fixture folders. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate, type Io } from '../src/cli/validate.ts';
import { AS_OF, FIXTURE, makeFixture, REPO, replace } from './helpers/fixture.ts';

async function run(argv: string[], env: Record<string, string> = {}, cwd = REPO) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd, isTTY: false };
  const code = await runValidate(argv, io);
  return { code, stdout, stderr };
}

/** Runs scripts/validate.ts in a child process on the project's Node. */
function spawnValidate(args: string[], options: { cwd?: string; env?: Record<string, string> }) {
  return spawnSync(process.execPath, [path.join(REPO, 'node_modules/tsx/dist/cli.mjs'), path.join(REPO, 'scripts/validate.ts'), ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
}

const BAD_DATE = { 'units/jiaoyuju/accounts/weibo.yaml': replace('date: 2026-02-13', 'date: 2026-2-13') };
const LATE = { 'units/jiaoyuju/accounts/weibo.yaml': replace('filed: 2026-02-25', 'filed: 2026-02-27') };

describe('exit codes', () => {
  it('0 when there is no problem', async () => {
    expect(await run(['--data', makeFixture(), '--as-of', AS_OF])).toMatchObject({ code: 0 });
  });
  it('0 with warnings only', async () => {
    const result = await run(['--data', makeFixture(LATE), '--as-of', AS_OF]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('警告');
    expect(result.stdout).toContain('data/units/jiaoyuju/accounts/weibo.yaml:10:');
  });
  it('1 with an error', async () => {
    const result = await run(['--data', makeFixture(BAD_DATE), '--as-of', AS_OF]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/data\/units\/jiaoyuju\/accounts\/weibo\.yaml:10:\d+ {2}错误 {2}date（发生日期）「2026-2-13」/);
  });
  it.each([
    [['--format', 'xml']],
    [['--as-of', '2026-13-01']],
    [['--data', '/nonexistent/registry']],
    [['--no-such-flag']],
    [['positional']],
  ])('2 on usage problems: %j', async (argv) => {
    const result = await run([...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('用法');
  });
});

describe('--format json', () => {
  it('prints exactly one JSON object of the contract shape', async () => {
    const result = await run([
      '--data',
      makeFixture({ ...BAD_DATE, 'inspections/2026/2026-11-23.yaml': replace('last_post: 2026-11-20', 'last_post: 2026-11-10') }),
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output).sort()).toEqual(['ok', 'problems', 'stats']);
    expect(output.ok).toBe(false);
    for (const p of output.problems) expect(Object.keys(p).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
    expect(output.problems).toEqual([
      expect.objectContaining({ file: 'data/inspections/2026/2026-11-23.yaml', line: 4, rule: 'stale-warning', severity: 'warning' }),
      expect.objectContaining({ file: 'data/units/jiaoyuju/accounts/weibo.yaml', line: 10, column: 27, rule: 'schema', severity: 'error' }),
    ]);
    expect(output.stats).toMatchObject({ errors: 1, warnings: 1, units: 3, asOf: AS_OF });
  });
});

describe('--format github', () => {
  it('annotates the exact line and writes a job summary', () => {
    const data = makeFixture(BAD_DATE);
    const summaryFile = path.join(path.dirname(data), 'summary.md');
    writeFileSync(summaryFile, '');
    const result = spawnValidate(['--data', data, '--as-of', AS_OF], {
      cwd: path.dirname(data),
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^::error title=字段缺失或格式不对 \[schema\],file=data\/units\/jiaoyuju\/accounts\/weibo\.yaml,line=10,col=27::date（发生日期）/m,
    );
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('数据校验未通过');
    expect(summary).toContain('<td>data/units/jiaoyuju/accounts/weibo.yaml</td><td>10</td><td>错误</td><td>schema</td>');
  });

  it('shows at most 10 annotations of a kind, the first counting the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`units/jiaoyuju/accounts/x${i}.txt`, 'name: x\n']));
    const result = spawnValidate(['--data', makeFixture(many), '--as-of', AS_OF], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' },
    });
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
    // GitHub shows 10 annotations of a kind: 9 problems, and the first place counts the other 2.
    expect(annotations).toHaveLength(10);
    expect(annotations[0]).toMatch(/^::error title=数据校验::共 11 个错误，另有 2 个错误未标注在行上/);
  });
});

describe('--changed', () => {
  const repos: string[] = [];
  afterAll(() => repos.forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** A git repository holding the fixture registry, with a `main` branch. */
  function gitRepo(): { root: string; data: string; git: (...args: string[]) => string } {
    const root = mkdtempSync(path.join(os.tmpdir(), 'registry-git-'));
    repos.push(root);
    const data = path.join(root, 'data');
    cpSync(FIXTURE, data, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    return { root, data, git };
  }
  const edit = (file: string, from: string, to: string) => writeFileSync(file, replace(from, to)(readFileSync(file, 'utf8')));

  it('reports only problems in files changed since the merge base, loading everything', async () => {
    const { root, data, git } = gitRepo();
    // An error already on main, in a file the branch does not touch.
    edit(path.join(data, 'units/suonan-zhen/accounts/wechat.yaml'), 'date: 2025-01-24', 'date: 2025-1-24');
    git('commit', '-qam', 'main has a problem');
    git('checkout', '-qb', 'feature');
    // The branch: one committed change, one uncommitted change, one new untracked file.
    edit(path.join(data, 'units/jiaoyuju/accounts/weibo.yaml'), 'date: 2026-02-13', 'date: 2026-2-13');
    git('commit', '-qam', 'branch change');
    edit(path.join(data, 'inspections/2026/2026-11-23.yaml'), 'last_post: 2026-11-20', 'last_post: 2026-11-10');
    writeFileSync(path.join(data, 'units/jiaoyuju/accounts/toutiao.yaml'), 'name: 新账号\n');

    const result = await run(['--data', data, '--as-of', AS_OF, '--format', 'json', '--changed', 'main'], {}, root);
    const files = [...new Set(JSON.parse(result.stdout).problems.map((p: { file: string }) => p.file))].sort();
    expect(files).toEqual([
      'data/inspections/2026/2026-11-23.yaml',
      'data/units/jiaoyuju/accounts/toutiao.yaml',
      'data/units/jiaoyuju/accounts/weibo.yaml',
    ]);
    expect(result.code).toBe(1);
  });

  it('passes a clean change even when untouched files have errors', async () => {
    const { root, data, git } = gitRepo();
    edit(path.join(data, 'units/suonan-zhen/accounts/wechat.yaml'), 'date: 2025-01-24', 'date: 2025-1-24');
    git('commit', '-qam', 'main has a problem');
    git('checkout', '-qb', 'feature');
    edit(path.join(data, 'units/jiaoyuju/accounts/weibo.yaml'), 'purpose: 发布教育资讯', 'purpose: 发布教育资讯和通知');
    const result = await run(['--data', data, '--as-of', AS_OF, '--changed', 'main'], {}, root);
    expect(result.code).toBe(0);
  });

  it('keeps cross-file rules: a change that duplicates an unchanged account is caught', async () => {
    const { root, data, git } = gitRepo();
    git('checkout', '-qb', 'feature');
    writeFileSync(
      path.join(data, 'units/suonan-zhen/accounts/weibo.yaml'),
      readFileSync(path.join(data, 'units/jiaoyuju/accounts/weibo.yaml'), 'utf8')
        .replace('东乡县教育局', '东乡族自治县锁南镇人民政府')
        .replace('operation: outsourced\noperator: 示例传媒有限公司', 'operation: self'),
    );
    const result = await run(['--data', data, '--as-of', AS_OF, '--format', 'json', '--changed', 'main'], {}, root);
    expect(JSON.parse(result.stdout).problems).toContainEqual(
      expect.objectContaining({ rule: 'duplicate-identifier', file: 'data/units/suonan-zhen/accounts/weibo.yaml' }),
    );
  });

  it('exits 2 when the base does not exist or there is no repository', async () => {
    const { root, data } = gitRepo();
    expect((await run(['--data', data, '--changed', 'no-such-branch'], {}, root)).code).toBe(2);
    expect((await run(['--data', makeFixture(), '--changed', 'main'], {}, os.tmpdir())).code).toBe(2);
  });
});
