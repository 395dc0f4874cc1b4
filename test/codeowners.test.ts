/**
 * `npm run codeowners`: CODEOWNERS generated from the units' maintainers, checked with a small
 * matcher that follows GitHub's rule (the last matching pattern wins).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeownersError, renderCodeowners, runCodeowners } from '../src/cli/codeowners.ts';
import type { Io } from '../src/cli/validate.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { AS_OF, loadFixture, makeFixture, REPO, replace } from './helpers/fixture.ts';

/** Owners of a path by a CODEOWNERS text: gitignore-style patterns, last match wins. */
function ownersOf(codeowners: string, file: string): string[] {
  let owners: string[] = [];
  for (const line of codeowners.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [pattern, ...who] = line.trim().split(/\s+/) as [string, ...string[]];
    const anchored = pattern.startsWith('/');
    const body = pattern.replace(/^\//, '');
    const re = body.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
    const regex = body.endsWith('/') ? new RegExp(`${anchored ? '^' : '(^|/)'}${re}`) : new RegExp(`${anchored ? '^' : '(^|/)'}${re}(/|$)`);
    if (pattern === '*' || regex.test(file)) owners = who;
  }
  return owners;
}

const ENV_REGISTRY = () => loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!;

function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, cwd: REPO, isTTY: false };
  return { code: runCodeowners(argv, io), stdout, stderr };
}

describe('renderCodeowners', () => {
  const text = renderCodeowners(ENV_REGISTRY());

  it('gives the county office everything by default and shared files explicitly', () => {
    for (const file of [
      'package.json',
      'src/lib/registry.ts',
      '.github/workflows/pr.yml',
      '.github/CODEOWNERS',
      'data/policy.yaml',
      'data/site.yaml',
      'data/platforms.yaml',
      'data/calendar/2026.yaml',
      'data/inspections/2026/2026-11-23.yaml',
      'data/impostors/x.yaml',
    ]) {
      expect(ownersOf(text, file), file).toEqual(['@dongxiang/xianzhengfuban']);
    }
  });

  it("lets a unit's maintainers and the office review the unit's accounts", () => {
    expect(ownersOf(text, 'data/units/jiaoyuju/accounts/weibo.yaml')).toEqual(['@dongxiang/jiaoyuju', '@dongxiang/xianzhengfuban']);
    expect(ownersOf(text, 'data/units/jiaoyuju/accounts/new-file.yaml')).toEqual(['@dongxiang/jiaoyuju', '@dongxiang/xianzhengfuban']);
    // A village committee maintained by its township.
    expect(ownersOf(text, 'data/units/bashuchi-cun/accounts/wechat.yaml')).toEqual(['@dongxiang/suonan-zhen', '@dongxiang/xianzhengfuban']);
  });

  it('keeps every unit.yaml (name, aliases, maintainers) with the office alone', () => {
    expect(ownersOf(text, 'data/units/jiaoyuju/unit.yaml')).toEqual(['@dongxiang/xianzhengfuban']);
    expect(ownersOf(text, 'data/units/xianzhengfuban/accounts/weibo.yaml')).toEqual(['@dongxiang/xianzhengfuban']);
  });

  it('has one line per unit with maintainers, and names the units without any', () => {
    const registry = loadFixture({
      'units/suonan-zhen/unit.yaml': replace('maintainers: ["@dongxiang/suonan"]', 'maintainers: []'),
      'units/xinxi-zhongxin/unit.yaml': (t) => `${t}maintainers: ["@dongxiang/xinxi-zhongxin"]\n`,
    }).registry!;
    const fixture = renderCodeowners(registry);
    expect(fixture).toMatchInlineSnapshot(`
      "# CODEOWNERS：由 npm run codeowners 根据各单位 unit.yaml 的 maintainers 生成，请勿手工修改。
      # 修改维护人：编辑 data/units/<单位编号>/unit.yaml 的 maintainers，运行 npm run codeowners，一并提交。
      # 规则自上而下，匹配同一文件时后面的规则优先。

      # 主管单位：东乡族自治县人民政府信息管理中心（data/site.yaml 的 office.unit: xinxi-zhongxin）
      # 默认负责全部文件：代码、工作流、共用文件、政策、平台目录、节假日、巡查记录和仿冒账号。
      *                        @dongxiang/xinxi-zhongxin
      /data/site.yaml          @dongxiang/xinxi-zhongxin
      /data/policy.yaml        @dongxiang/xinxi-zhongxin
      /data/platforms.yaml     @dongxiang/xinxi-zhongxin
      /data/calendar/          @dongxiang/xinxi-zhongxin
      /data/inspections/       @dongxiang/xinxi-zhongxin
      /data/impostors/         @dongxiang/xinxi-zhongxin

      # 各单位维护本单位文件夹中的账号文件（主管单位同时可以审核）。
      # 没有填写 maintainers、由主管单位维护的单位：suonan-zhen。
      /data/units/jiaoyuju/    @dongxiang/jiaoyuju @dongxiang/xinxi-zhongxin

      # 单位信息（名称、其他名称、维护人）的修改由主管单位审核。
      /data/units/*/unit.yaml  @dongxiang/xinxi-zhongxin
      "
    `);
    expect(ownersOf(fixture, 'data/units/suonan-zhen/accounts/wechat.yaml')).toEqual(['@dongxiang/xinxi-zhongxin']);
  }, 30_000);

  it('refuses without an office unit or without office maintainers', () => {
    const noUnit = loadFixture({ 'site.yaml': replace('  unit: xinxi-zhongxin\n', '') }).registry!;
    expect(() => renderCodeowners(noUnit)).toThrow(CodeownersError);
    const registry = loadFixture({ 'units/xinxi-zhongxin/unit.yaml': (t) => t.replace(/maintainers:.*\n/, '') }).registry!;
    expect(() => renderCodeowners(registry)).toThrow(/没有填写 maintainers/);
  }, 30_000);
});

describe('npm run codeowners', () => {
  it('the committed .github/CODEOWNERS is up to date (CI runs npm run codeowners -- --check)', () => {
    expect(readFileSync(path.join(REPO, '.github/CODEOWNERS'), 'utf8')).toBe(renderCodeowners(ENV_REGISTRY()));
    expect(run(['--check'])).toMatchObject({ code: 0 });
  });

  it('--check fails when a unit changes its maintainers, and writing brings it up to date', () => {
    const dir = makeFixture({ 'units/xinxi-zhongxin/unit.yaml': (t) => `${t}maintainers: ["@dongxiang/office"]\n` });
    const out = path.join(path.dirname(dir), '.github', 'CODEOWNERS');
    expect(run(['--data', dir, '--check'])).toMatchObject({ code: 1 });
    expect(run(['--data', dir]).code).toBe(0);
    expect(run(['--data', dir, '--check']).code).toBe(0);
    expect(ownersOf(readFileSync(out, 'utf8'), 'data/units/jiaoyuju/accounts/weibo.yaml')).toEqual([
      '@dongxiang/jiaoyuju',
      '@dongxiang/office',
    ]);

    const changed = makeFixture({
      'units/xinxi-zhongxin/unit.yaml': (t) => `${t}maintainers: ["@dongxiang/office"]\n`,
      'units/jiaoyuju/unit.yaml': replace('"@dongxiang/jiaoyuju"', '"@someone-else"'),
    });
    const stale = run(['--data', changed, '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('已过期');
  }, 30_000);

  it('exits 2 on usage and data problems', () => {
    expect(run(['--bogus']).code).toBe(2);
    expect(run(['--data', '/nonexistent']).code).toBe(2);
    const dir = makeFixture();
    const result = run(['--data', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有填写 maintainers');
  }, 30_000);
});
