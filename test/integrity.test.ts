/**
 * Integrity checks beyond the adversarial corpus (test/fixtures/adversarial/cases-integrity.ts):
 * the messages of the checks (what to fix, in Chinese), the compliance figures an impossible filing
 * could push below zero or past a level, and the validator's summary with `--errors-only`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../src/cli/validate.ts';
import { computeCompliance } from '../src/lib/compliance/engine.ts';
import { staleLevel } from '../src/lib/facts/facts.ts';
import type { MessageCode } from '../src/lib/messages.ts';
import { AS_OF, FIXTURE, loadFixture, makeFixture, replace, type Changes } from './helpers/fixture.ts';

const LATEST = 'inspections/2026/2026-11-23.yaml';
const WEIBO = 'units/jiaoyuju/accounts/weibo.yaml';
const DOUYIN_OLD = 'units/jiaoyuju/accounts/douyin-old.yaml';

/** The message of the one problem with `code` after `changes`. */
function message(code: MessageCode, changes: Changes): string {
  const found = loadFixture(changes).problems.filter((p) => p.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!.message;
}

describe('messages of impossible facts', () => {
  it('a last post after its inspection', () => {
    const changes = {
      [LATEST]: replace('account: jiaoyuju/weibo, last_post: 2026-11-19', 'account: jiaoyuju/weibo, last_post: 2026-11-25'),
    };
    expect(message('future-date.after-inspection', changes)).toMatchInlineSnapshot(
      `"账号 jiaoyuju/weibo 的最近更新日期 last_post 2026-11-25 晚于本次巡查日期 2026-11-23：巡查时看到的最近一次更新不可能在巡查之后，请核对日期（通常是年份或月份写错）。"`,
    );
  });

  it('a successor that is the account itself', () => {
    expect(
      message('unknown-reference.successor-self', {
        [DOUYIN_OLD]: replace('successor: jiaoyuju/douyin', 'successor: jiaoyuju/douyin-old'),
      }),
    ).toMatchInlineSnapshot(
      `"接替账号 jiaoyuju/douyin-old 就是本账号自己：写接替本账号、仍在使用的另一个账号编号；没有接替账号时删除 successor。"`,
    );
  });

  it('a successor already closed on the day of the closure', () => {
    const changes = {
      'units/suonan-zhen/accounts/kuaishou.yaml': replace('ksnotice }', 'ksnotice, successor: jiaoyuju/douyin-old }'),
    };
    expect(message('unknown-reference.successor-closed', changes)).toMatchInlineSnapshot(
      `"接替账号 jiaoyuju/douyin-old 在 2026-03-02 已经注销，不能接替本账号：改写为它的接替账号 jiaoyuju/douyin，没有接替账号时删除 successor。"`,
    );
  });

  it('a successor closed later is fine: its own closure names the next one', () => {
    const { problems } = loadFixture({
      'units/jiaoyuju/accounts/douyin.yaml': (t) =>
        `${t.trimEnd()}\n  - { type: deregistered, date: 2026-11-24, filed: 2026-11-24, notice_url: https://mp.weixin.qq.com/s/n3 }\n`,
    });
    expect(problems.filter((p) => p.rule === 'unknown-reference')).toEqual([]);
  });

  it('thresholds in an impossible order', () => {
    expect(
      message('schema.policy-order', { 'policy.yaml': replace('stale_warning_days: 7 ', 'stale_warning_days: 14') }),
    ).toMatchInlineSnapshot(
      `"更新预警天数 stale_warning_days（14）不小于单项否决天数 stale_fail_days（14）：预警必须先于单项否决，否则预警这一级永远不会出现。请把预警天数改小（例如 7）或把否决天数改大（例如 14）。"`,
    );
  });

  it('a name of ideographic spaces', () => {
    expect(message('schema.blank', { [WEIBO]: replace('name: 东乡教育', 'name: "\u3000\u3000"') })).toMatchInlineSnapshot(
      `"name（账号名称）不能为空（只有空格或全角空格也算空）：请填写内容。"`,
    );
  });
});

describe('messages that point the right way', () => {
  it('a missing enum field is missing, not 「undefined」', () => {
    expect(
      message('schema.missing', { [WEIBO]: replace('operation: outsourced\noperator: 示例传媒有限公司\n', '') }),
    ).toMatchInlineSnapshot(`"缺少必填字段 operation（运维方式）：self 自行运维 · outsourced 委托第三方运维（须填写 operator）。"`);
  });

  it('a full-width colon is named, with the fix, and the rest of the file is still checked', () => {
    const { problems } = loadFixture({ [WEIBO]: replace('purpose: 发布教育资讯', 'purpose：发布教育资讯') });
    const weibo = problems.filter((p) => p.file === `data/${WEIBO}`);
    expect(weibo.map((p) => [p.code, p.line, p.column])).toEqual([['yaml-syntax.full-width-colon', 6, 8]]);
    expect(weibo[0]!.message).toMatchInlineSnapshot(
      `"字段 purpose 后面是中文全角冒号 U+FF1A（中文全角冒号），YAML 只认英文半角冒号：请改为 purpose: （半角冒号，后面加一个空格）。"`,
    );
    const both = loadFixture({
      [WEIBO]: (t) => replace('purpose: 发布教育资讯', 'purpose：发布教育资讯')(t).replace('operation: outsourced', 'operation: mine'),
    });
    expect(both.problems.filter((p) => p.file === `data/${WEIBO}`).map((p) => p.code)).toEqual([
      'yaml-syntax.full-width-colon',
      'schema.enum',
    ]);
  });

  it('an invisible character in a comment, named by code point', () => {
    expect(message('schema.invisible-comment', { [WEIBO]: (t) => `# 已审核\u202e\u2066\n${t}` })).toMatchInlineSnapshot(
      `"注释中有看不见的字符 U+202E（从右到左强制符 RLO）、U+2066（从左到右隔离）。这类字符（尤其是双向文字控制符）会让审核者看到的内容与程序读到的不同（“特洛伊源码”手法）：请删除这段注释后重新输入。"`,
    );
  });

  it('personal data in a file name', () => {
    const name = `${['139', '1234', '5678'].join('-')}.yaml`;
    expect(
      message('personal-data.file-name', {
        [`units/jiaoyuju/accounts/${name}`]: readFileSync(path.join(FIXTURE, WEIBO)),
        [WEIBO]: null,
      }).replace(name, 'N'),
    ).toMatchInlineSnapshot(
      `"文件名或文件夹名「N」中有手机号码或身份证号码（139****5678）。文件名会成为网站上的公开网址：请改用平台名或单位拼音命名，例如 wechat.yaml。"`,
    );
  });
});

describe('compliance figures', () => {
  it('never drop a level: with the warning before the fail, every level is reached in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 1, max: 365 }), fc.integer({ min: -400, max: 800 }), (a, b, days) => {
        fc.pre(a !== b);
        const policy = { stale_warning_days: Math.min(a, b), stale_fail_days: Math.max(a, b) } as Parameters<typeof staleLevel>[1];
        const rank = { ok: 0, warning: 1, fail: 2 } as const;
        expect(rank[staleLevel(days + 1, policy)]).toBeGreaterThanOrEqual(rank[staleLevel(days, policy)]);
        expect(staleLevel(policy.stale_warning_days + 1, policy)).toBe('warning');
        expect(staleLevel(policy.stale_fail_days + 1, policy)).toBe('fail');
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('are never negative, even when a last post is after its inspection', () => {
    const { registry, problems } = loadFixture({
      [LATEST]: replace('account: jiaoyuju/weibo, last_post: 2026-11-19', 'account: jiaoyuju/weibo, last_post: 2026-11-27'),
    });
    expect(problems.map((p) => p.code)).toContain('future-date.after-inspection');
    const compliance = computeCompliance(registry!);
    const negatives: string[] = [];
    const seen = new Set<unknown>();
    const walk = (value: unknown, at: string) => {
      if (typeof value === 'number' && value < 0) negatives.push(`${at} = ${value}`);
      if (!value || typeof value !== 'object' || seen.has(value) || at.endsWith('.registry')) return;
      seen.add(value);
      const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
      for (const [k, v] of entries) walk(v, `${at}.${String(k)}`);
    };
    walk(compliance, 'compliance');
    expect(negatives).toEqual([]);
  });
});

describe('validate --errors-only', () => {
  it('says how many warnings it hid instead of 0 个警告', async () => {
    const data = makeFixture({ [WEIBO]: replace('verified_as: 东乡县教育局', 'verified_as: null'), 'units/jiaoyuju/accounts/x.txt': 'x' });
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, env: {}, cwd: data, isTTY: false };
    expect(await runValidate(['--data', data, '--as-of', AS_OF, '--errors-only'], io)).toBe(1);
    expect(out.trim().split('\n').at(-1)).toMatch(/^✖ 1 个错误（另有 1 个警告未显示：使用了 --errors-only） · /);
    out = '';
    await runValidate(['--data', data, '--as-of', AS_OF, '--errors-only', '--format', 'json'], io);
    expect(JSON.parse(out).stats).toMatchObject({ errors: 1, warnings: 0, hiddenWarnings: 1 });
  });
});

describe('validate --changed', () => {
  it('reports personal data in a new folder name on the folder', async () => {
    const data = makeFixture();
    const root = path.dirname(data);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const folder = ['139', '1234', '5678'].join('');
    mkdirSync(path.join(data, 'units', folder));
    writeFileSync(path.join(data, 'units', folder, 'unit.yaml'), `id: "${folder}"\nname: 东乡族自治县测试局\nkind: county-department\n`);
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, env: {}, cwd: root, isTTY: false };
    expect(await runValidate(['--data', data, '--as-of', AS_OF, '--format', 'json', '--changed', 'main'], io)).toBe(1);
    const problems = JSON.parse(out).problems as { file: string; rule: string }[];
    expect(problems.filter((p) => p.rule === 'personal-data').map((p) => p.file)).toEqual([
      `data/units/${folder}`,
      `data/units/${folder}/unit.yaml`,
    ]);
  });
});
