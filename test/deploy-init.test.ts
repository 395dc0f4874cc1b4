/**
 * `npm run init:registry`: replacing the sample with an empty registry of one's own, on a
 * temporary copy of the repository's sample data (with its schemas beside it, as in the repository).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCodeowners } from '../src/cli/codeowners.ts';
import { runFmtData } from '../src/cli/fmt-data.ts';
import { runInitRegistry } from '../src/cli/init-registry.ts';
import { runValidate, type Io } from '../src/cli/validate.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A copy of the repository's data/ and schemas/ in a temporary folder; returns that folder. */
function sampleCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-init-'));
  roots.push(root);
  cpSync(path.join(REPO, 'data'), path.join(root, 'data'), { recursive: true });
  cpSync(path.join(REPO, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  return root;
}

type Run = (argv: string[], io: Io) => number | Promise<number>;
async function run(command: Run, argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, cwd, isTTY: false };
  return { code: await command(argv, io), stdout, stderr };
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const ARGS = ['--region-code', '622926', '--name', '东乡族自治县'];

describe('init:registry', () => {
  it('lists what it would do and changes nothing without --yes', async () => {
    const root = sampleCopy();
    const before = tree(path.join(root, 'data'));
    const { code, stdout } = await run(runInitRegistry, ARGS, root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^将要执行：\n {2}- 删除 data\/units\/ 中的 \d+ 个单位和 \d+ 个账号\n/);
    expect(stdout).toContain('未做任何修改。确认无误后加上 --yes 再运行一次。');
    expect(tree(path.join(root, 'data'))).toEqual(before);
  });

  it('replaces the sample by an empty registry that validates, is formatted and has its CODEOWNERS', async () => {
    const root = sampleCopy();
    const data = path.join(root, 'data');
    const calendar = tree(path.join(data, 'calendar'));
    const platforms = readFileSync(path.join(data, 'platforms.yaml'), 'utf8');
    const { code, stdout, stderr } = await run(
      runInitRegistry,
      [...ARGS, '--url', 'https://xmt.dongxiang.gov.cn/', '--org', 'dongxiang', '--phone', '0930-7120000', '--yes'],
      root,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('已把 data/ 换成空的正式名录（sample: false）');
    expect(stdout).not.toContain('注意');

    expect(tree(data)).toEqual([
      ...calendar.map((f) => `calendar/${f}`),
      'platforms.yaml',
      'policy.yaml',
      'site.yaml',
      'units/xianzhengfuban/unit.yaml',
    ]);
    expect(readFileSync(path.join(data, 'platforms.yaml'), 'utf8')).toBe(platforms);
    const site = parse(readFileSync(path.join(data, 'site.yaml'), 'utf8')) as Record<string, unknown>;
    expect(site).toMatchObject({
      title: '东乡族自治县政务新媒体名录',
      url: 'https://xmt.dongxiang.gov.cn/',
      region: { name: '东乡族自治县', code: '622926' },
      office: { name: '东乡族自治县人民政府办公室', unit: 'xianzhengfuban', phone: '0930-7120000' },
      sample: false,
    });
    expect(readFileSync(path.join(data, 'site.yaml'), 'utf8')).not.toContain('示例');
    expect(readFileSync(path.join(data, 'units/xianzhengfuban/unit.yaml'), 'utf8')).toContain('maintainers: ["@dongxiang/xianzhengfuban"]');

    const validate = await run(runValidate, ['--data', data, '--as-of', AS_OF, '--format', 'json'], root);
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ ok: true, problems: [] });
    expect((await run(runFmtData, ['--data', data, '--check'], root)).code).toBe(0);
    const owners = await run(runCodeowners, ['--data', data, '--check'], root);
    expect(owners.code).toBe(0);
    expect(readFileSync(path.join(root, '.github', 'CODEOWNERS'), 'utf8')).toContain('*                        @dongxiang/xianzhengfuban');
  });

  it('keeps the address of site.yaml when none is given, and says what is left to do', async () => {
    const root = sampleCopy();
    const { code, stdout } = await run(runInitRegistry, [...ARGS, '--yes'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('注意：网站地址仍是 https://xmt.dongxiang.example/（沿用原值）');
    expect(stdout).toContain('注意：主管单位还没有维护人（maintainers）');
    expect(existsSync(path.join(root, '.github'))).toBe(false);
    const validate = await run(runValidate, ['--data', path.join(root, 'data'), '--as-of', AS_OF], root);
    expect(validate.code).toBe(0);
  });

  it('refuses bad arguments with the reason and the usage, touching nothing', async () => {
    const root = sampleCopy();
    const before = tree(path.join(root, 'data'));
    const first = async (argv: string[]) => (await run(runInitRegistry, argv, root)).stderr.split('\n')[0];
    expect(await first(['--name', '东乡族自治县', '--yes'])).toMatchInlineSnapshot(
      `"错误：缺少 --region-code（6 位行政区划代码，例如 622926）"`,
    );
    expect(await first(['--region-code', '62292', '--name', '东乡族自治县', '--yes'])).toMatchInlineSnapshot(
      `"错误：--region-code 须为 6 位数字的行政区划代码，而不是 62292"`,
    );
    expect(await first(['--region-code', '622926', '--yes'])).toMatchInlineSnapshot(`"错误：缺少 --name（地区名称，例如 东乡族自治县）"`);
    expect(await first([...ARGS, '--url', 'http://xmt.dongxiang.gov.cn/', '--yes'])).toMatchInlineSnapshot(
      `"错误：--url 须为 https:// 开头的网站地址，例如 https://xmt.dongxiang.gov.cn/，而不是 http://xmt.dongxiang.gov.cn/"`,
    );
    expect(await first([...ARGS, '--office-id', 'Xian_Zhengfu', '--yes'])).toMatchInlineSnapshot(
      `"错误：--office-id 只能用小写英文字母和数字，单词之间用减号连接，而不是 Xian_Zhengfu"`,
    );
    expect((await run(runInitRegistry, [...ARGS, '--yes'], path.join(root, 'nowhere'))).code).toBe(2);
    expect(tree(path.join(root, 'data'))).toEqual(before);
  });
});
