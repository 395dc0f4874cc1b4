/**
 * Verify results as a phone shows them, on the sample registry: one sentence of what to do
 * under every verdict, accounts of one unit with one name in one card, labels named once, empty
 * and very long queries, and short general queries that get guidance instead of a verdict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type VerifyIndex } from '../src/lib/verify/build.ts';
import { explain, idLabel, shownQuery, type ResultView } from '../src/shared/verify/explain.ts';
import { isGeneral, type VerifyResult } from '../src/shared/verify/lookup.ts';
import { LINKS as links, lineText as text, lookup, sampleVerifyIndex } from './helpers/verify.ts';

let index: VerifyIndex;
beforeAll(() => {
  index = sampleVerifyIndex();
});

const check = (query: string): Promise<VerifyResult> => lookup(index, query);
const view = (r: VerifyResult): ResultView => explain(r, index.config, links);
const all = (v: ResultView) =>
  [
    v.headline,
    text(v.next),
    ...v.summary.map(text),
    ...v.evidence.flatMap((g) => [g.title, ...g.cards.flatMap((c) => [text(c.title), ...c.fields.map(([k, x]) => `${k}:${text(x)}`)])]),
    ...v.steps.map(text),
  ].join('\n');

/** One query per verdict (and the special unknowns). */
const CASES: [string, string][] = [
  ['duocaidongxiang', 'official'],
  ['多彩东乡', 'official'],
  ['东乡融媒', 'former'],
  ['东乡发布官方', 'lookalike'],
  ['东香发布', 'lookalike'],
  ['完全不相干的名字', 'unknown'],
  ['东乡', 'unknown'],
  ['   ', 'unknown'],
];

describe('the next step under the verdict', () => {
  it.each(CASES)('%s (%s) has one sentence starting 下一步', async (q, verdict) => {
    const r = await check(q);
    expect(r.verdict).toBe(verdict);
    const next = text(view(r).next);
    expect(next.startsWith('下一步：')).toBe(true);
    expect(next.length).toBeLessThan(90);
  });

  it('closed and impostor verdicts have theirs', async () => {
    const closed = await check('https://weibo.com/u/5329743744');
    expect(closed.verdict).toBe('closed');
    expect(text(view(closed).next)).toMatch(/^下一步：不要再通过它获取信息/);
    const impostor = await check('dxxzf_fabu');
    expect(impostor.verdict).toBe('impostor');
    expect(text(view(impostor).next)).toBe('下一步：不要关注、转发或付款，请在平台上举报它。');
  });
});

describe('grouping and labels', () => {
  it('accounts of one unit with the same name are one card listing their platforms', async () => {
    const v = view(await check('多彩东乡'));
    const group = v.evidence[0]!;
    const titles = group.cards.map((c) => text(c.title));
    expect(titles.filter((t) => t.startsWith('多彩东乡'))).toHaveLength(1);
    expect(titles[0]).toMatch(/^多彩东乡（\d 个平台）$/);
    const fields = group.cards[0]!.fields.map(([k]) => k);
    expect(fields).toContain('微信公众号');
    expect(fields).toContain('抖音');
  });

  it("names a platform's ID once", () => {
    expect(idLabel('抖音', '抖音号')).toBe('抖音号');
    expect(idLabel('微信公众号', '微信号')).toBe('微信号');
    expect(idLabel('新浪微博', '微博 UID')).toBe('微博 UID');
    expect(idLabel('哔哩哔哩', 'UID')).toBe('哔哩哔哩 UID');
  });

  it.each(CASES)('no doubled label in the answer to %s', async (q) => {
    const v = all(view(await check(q)));
    expect(v).not.toMatch(/抖音抖音号|快手快手号|微信公众号微信号|小红书小红书号|今日头条头条号/);
  });
});

describe('empty, long and general queries', () => {
  it('a query of spaces says there is nothing to verify', async () => {
    for (const q of ['   ', '\u3000\u3000', '\u200b \u200b']) {
      const r = await check(q);
      expect([r.verdict, r.hint]).toEqual(['unknown', 'empty']);
      expect(view(r).headline).toBe('没有输入要核验的内容');
    }
  });

  it('a 2,000-character query is shown shortened', async () => {
    const long = '东乡'.repeat(1000);
    expect(shownQuery(long)).toMatchInlineSnapshot(
      `"东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡东乡…（共 2000 字，已省略后面部分）"`,
    );
    const v = view(await check(`${'完全不相干'.repeat(400)}`));
    expect(all(v).length).toBeLessThan(2000);
    expect(all(v)).toContain('（共 2000 字，已省略后面部分）');
  });

  it('short general queries get guidance, not "probably not official"', async () => {
    for (const q of ['东乡', '发布', '东乡族自治县', '东乡县', '东']) {
      const r = await check(q);
      expect([q, r.verdict, r.hint]).toEqual([q, 'unknown', 'too-general']);
      const v = view(r);
      expect(v.tone).toBe('info');
      expect(v.headline).toBe('查询太笼统，请输入完整的名称或账号 ID');
      expect(all(v)).not.toContain('可能是仿冒');
      expect(all(v)).not.toContain('很可能不是官方账号');
    }
    expect(isGeneral('锁南镇', index.config)).toBe(false);
    expect(isGeneral('dx', index.config)).toBe(false);
  });
});
