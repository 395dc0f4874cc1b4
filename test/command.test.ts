import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/cli/build.ts';
import { runCodeowners } from '../src/cli/codeowners.ts';
import { runDocs } from '../src/cli/docs.ts';
import { runFmtData } from '../src/cli/fmt-data.ts';
import { runGenerate } from '../src/cli/generate.ts';
import { runInspectionImport } from '../src/cli/inspection-import.ts';
import { runNew } from '../src/cli/new.ts';
import { runPrSummary } from '../src/cli/pr-summary.ts';
import { runReport } from '../src/cli/report.ts';
import { runSchemas } from '../src/cli/schemas.ts';
import { runStart } from '../src/cli/start.ts';
import { parseFlags, resolveDataDir, UsageError, type CommandIo } from '../src/cli/usage.ts';
import { runValidate } from '../src/cli/validate.ts';
import { AS_OF, makeFixture } from './helpers/fixture.ts';

function capture(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    env: {},
    cwd,
    isTTY: false,
  };
  return { io, out };
}

type Run = (argv: string[], io: CommandIo) => number | Promise<number>;
const newCommand: Run = (argv, io) =>
  runNew(['account', '--no-input', ...argv], { ...io, input: process.stdin, output: process.stdout, interactive: false });

/** Every command that takes --data, with the arguments it needs besides --data. */
const WITH_DATA: [string, Run, string[]][] = [
  ['validate', runValidate, ['--as-of', AS_OF]],
  ['report', runReport, ['--as-of', AS_OF]],
  ['fmt:data', runFmtData, ['--check']],
  ['pr-summary', runPrSummary, ['--base', 'HEAD', '--as-of', AS_OF]],
  ['codeowners', runCodeowners, ['--check']],
  ['inspection:import', runInspectionImport, ['sheet.csv', '--as-of', AS_OF]],
  ['new', newCommand, ['--as-of', AS_OF]],
  ['build', runBuild, ['--as-of', AS_OF, '--out', path.join(os.tmpdir(), 'never-built')]],
  ['start', runStart, ['--as-of', AS_OF, '--out', path.join(os.tmpdir(), 'never-built')]],
];

describe('resolveDataDir', () => {
  it.each([
    ['', '--data 不能为空：请给出数据目录，例如 --data data'],
    ['   ', '--data 不能为空（只有空白字符）：请给出数据目录，例如 --data data'],
    ['\t', '--data 不能为空（只有空白字符）：请给出数据目录，例如 --data data'],
    [' data', '--data 的值首尾有空白字符：" data"'],
    ['/', '--data 不能是根目录 /：请给出数据目录，例如 --data data'],
    ['//', '--data 不能是根目录 /：请给出数据目录，例如 --data data'],
    ['/./', '--data 不能是根目录 /：请给出数据目录，例如 --data data'],
    ['../../../../../../../../..', '--data 不能是根目录 /：请给出数据目录，例如 --data data'],
  ])('refuses %j', (value, message) => {
    expect(() => resolveDataDir('/tmp', value)).toThrow(new UsageError(message));
  });

  it('refuses the home directory and a missing folder, and accepts a data folder', () => {
    expect(() => resolveDataDir('/tmp', os.homedir())).toThrow(/不能是用户主目录/);
    expect(() => resolveDataDir('/tmp', 'no-such-dir-here')).toThrow(new UsageError('数据目录不存在：/tmp/no-such-dir-here'));
    const data = makeFixture();
    expect(resolveDataDir(path.dirname(data), undefined)).toBe(data);
    expect(resolveDataDir('/', data)).toBe(data);
  });
});

describe('parseFlags', () => {
  it('says in Chinese what is wrong with a flag', () => {
    const options = { data: { type: 'string' }, check: { type: 'boolean' } } as const;
    expect(() => parseFlags(['--nope'], options)).toThrow(new UsageError('没有这个选项：--nope'));
    expect(() => parseFlags(['--data'], options)).toThrow(new UsageError('选项 --data 后面缺少值'));
    expect(() => parseFlags(['--check=yes'], options)).toThrow(new UsageError('选项 --check 不带值'));
    expect(() => parseFlags(['extra'], options)).toThrow(new UsageError('多余的参数：extra'));
    expect(parseFlags(['-h'], options).values.help).toBe(true);
    expect(parseFlags(['x'], options, true).positionals).toEqual(['x']);
  });
});

describe('every command', () => {
  const data = makeFixture();
  const cwd = path.dirname(data);

  it.each(WITH_DATA)('%s: an empty, blank or root --data is a usage error (exit 2)', async (_name, run, args) => {
    for (const value of ['', ' ', '/']) {
      const { io, out } = capture(cwd);
      expect(await run([...args, '--data', value], io)).toBe(2);
      expect(out.stderr).toMatch(/--data 不能/);
      expect(out.stdout).toBe('');
    }
  });

  const ALL: [string, Run][] = [
    ...WITH_DATA.map(([name, run]): [string, Run] => [name, run]),
    ['schemas', runSchemas],
    ['docs', runDocs],
    ['generate', runGenerate],
  ];
  it.each(ALL)('%s: refuses an unknown flag (exit 2) and prints its help (exit 0)', async (_name, run) => {
    const bad = capture(cwd);
    expect(await run(['--no-such-flag'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain('没有这个选项：--no-such-flag');
    expect(bad.out.stderr).toMatch(/用法：npm (run|start)/);
    const help = capture(cwd);
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/^用法：npm (run|start)/);
  });

  it('schemas and docs --check pass on the committed files', () => {
    for (const run of [runSchemas, runDocs]) {
      const { io, out } = capture(cwd);
      expect(run(['--check'], io)).toBe(0);
      expect(out.stdout).toMatch(/^✔ .*是最新的/);
    }
  });
});

describe('npm run build --precompress', () => {
  it('writes the .gz and .br copies for nginx only when asked', async () => {
    const data = makeFixture();
    const root = path.dirname(data);
    const plain = capture(root);
    expect(await runBuild(['--as-of', AS_OF, '--out', 'plain'], plain.io), plain.out.stderr).toBe(0);
    expect(existsSync(path.join(root, 'plain', 'index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'plain', 'index.html.gz'))).toBe(false);
    const nginx = capture(root);
    expect(await runBuild(['--as-of', AS_OF, '--out', 'nginx', '--precompress'], nginx.io), nginx.out.stderr).toBe(0);
    expect(existsSync(path.join(root, 'nginx', 'index.html.gz'))).toBe(true);
    expect(existsSync(path.join(root, 'nginx', 'index.html.br'))).toBe(true);
  }, 120_000);
});
