/**
 * Lookups on the sample registry through the same code the page runs: the verdict for links,
 * handles, identifiers, names, former values, closed accounts, impostors, look-alikes and
 * unknown text; what the query parser noticed; at most two shard files per lookup; and the plain
 * Chinese the page shows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVerifyIndex, type VerifyIndex } from '../src/lib/verify/build.ts';
import { explain, type ResultView } from '../src/shared/verify/explain.ts';
import { stripHandlePadding, type VerifyResult } from '../src/shared/verify/lookup.ts';
import { parseQuery } from '../src/shared/verify/query.ts';
import { loadFixture, replace } from './helpers/fixture.ts';
import { LINKS as links, lineText as text, lookup, sampleVerifyIndex } from './helpers/verify.ts';

let index: VerifyIndex;
beforeAll(() => {
  index = sampleVerifyIndex();
});

const check = (query: string, idx = index): Promise<VerifyResult> => lookup(idx, query);

const view = (r: VerifyResult): ResultView => explain(r, index.config, links);
const all = (v: ResultView) =>
  [
    v.headline,
    ...v.summary.map(text),
    ...v.notes.map(text),
    ...v.evidence.flatMap((g) => [g.title, ...g.cards.flatMap((c) => [text(c.title), ...c.fields.map(([k, val]) => `${k}:${text(val)}`)])]),
    ...v.steps.map(text),
  ].join('\n');

describe('official', () => {
  it.each([
    [
      'a profile link shared from WeChat',
      'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzkwMDU0MzUzOQ==&scene=124#wechat_redirect',
      'url',
    ],
    [
      'an article link of the account',
      'https://mp.weixin.qq.com/s?__biz=MzkwMDU0MzUzOQ==&mid=2247&idx=1&sn=ab&chksm=cd&scene=21#wechat_redirect',
      'url',
    ],
    ['the WeChat ID with @ and capitals', '@DuoCaiDongXiang', 'handle'],
    ['the original ID', 'gh_c7e582ec0393', 'ident'],
    ['the QR payload of its poster', 'http://weixin.qq.com/r/maXEOeKeIcWB6cZOGLvA', 'ident'],
    ['a labelled WeChat ID', '微信号：duocaidongxiang', 'handle'],
    ['the WeChat ID typed in full-width letters', 'ｄｕｏｃａｉｄｏｎｇｘｉａｎｇ', 'handle'],
  ])('%s', async (_, query, kind) => {
    const r = await check(query);
    expect(r.verdict).toBe('official');
    // The handle is also the account's ID on Douyin and Kuaishou: all of them are listed.
    const matched = [r.primary!, ...r.others].find((m) => m.rec.id === 'rongmeiti-zhongxin/wechat');
    expect(matched).toMatchObject({ kind, rec: { s: 'active' } });
    expect(r.requests).toBe(1);
  });

  it('lists the other accounts a shared handle belongs to, the labelled platform first', async () => {
    const r = await check('抖音号：duocaidongxiang');
    expect(r.primary?.rec.id).toBe('rongmeiti-zhongxin/douyin');
    expect(r.others.map((m) => m.rec.id)).toContain('rongmeiti-zhongxin/wechat');
  });

  it('takes the link out of share text', async () => {
    const r = await check('【锁南发布】 https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=Mjk3NjU1MDYwNQ==&scene=126 点击关注');
    expect(r.verdict).toBe('official');
    expect(r.primary?.rec.id).toBe('suonan-zhen/wechat');
    expect(r.query.notes).toContain('extracted');
  });

  it('says a name is official but reminds to compare the handle', async () => {
    const r = await check('唐汪发布');
    expect(r.verdict).toBe('official');
    expect(r.primary?.kind).toBe('name');
    const v = view(r);
    expect(v.headline).toMatchInlineSnapshot(`"名称与官方账号一致——请再核对账号 ID"`);
    expect(all(v)).toContain('tangwangfabu');
    expect(all(v)).toContain('名称可以被复制');
  });

  it('shows the account, its unit, opening day and official link as evidence', async () => {
    const v = view(await check('https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzkwMDU0MzUzOQ=='));
    expect(v.headline).toBe('这是备案的官方账号');
    expect(text(v.summary[0]!)).toMatchInlineSnapshot(
      `"「多彩东乡」是东乡族自治县融媒体中心在微信公众号上备案的官方账号，2016 年 9 月 1 日开设，目前在用。"`,
    );
    expect(all(v)).toContain('官方链接:https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzkwMDU0MzUzOQ==');
    expect(all(v)).toContain('名录登记:查看登记信息');
  });
});

describe('former', () => {
  it('a former name, with the current name and the day it changed', async () => {
    const r = await check('东乡融媒');
    expect(r.verdict).toBe('former');
    expect(r.primary).toMatchObject({ kind: 'fname', rec: { id: 'rongmeiti-zhongxin/douyin', n: '多彩东乡' } });
    expect(text(view(r).summary[0]!)).toBe('这是官方账号的曾用名；如果现在有账号使用这个名称，它不是官方账号。');
    expect(text(view(r).summary[1]!)).toMatchInlineSnapshot(
      `"「东乡融媒」是东乡族自治县融媒体中心的抖音账号在 2025 年 4 月 21 日之前使用的名称，该账号现名「多彩东乡」（抖音号 duocaidongxiang）。"`,
    );
  });

  it('a former name in traditional characters', async () => {
    const r = await check('春臺鄉政府');
    expect(r.verdict).toBe('former');
    expect(r.primary?.rec.id).toBe('chuntai-xiang/wechat');
    expect(r.query.notes).toContain('traditional');
  });

  it('a former name that an impostor now uses: impostor, and the name is protected', async () => {
    const r = await check('鎖南鎮政府');
    expect(r.verdict).toBe('impostor');
    expect(r.others.some((m) => m.kind === 'fname' && m.rec.id === 'suonan-zhen/wechat')).toBe(true);
    expect(all(view(r))).toContain('如果现在有账号使用这个名称，它不是官方账号。');
  });

  it('a former handle', async () => {
    const r = await check('twfb2017');
    expect(r.verdict).toBe('former');
    expect(r.primary).toMatchObject({ kind: 'fhandle', rec: { id: 'tangwang-zhen/wechat', h: 'tangwangfabu' } });
    expect(view(r).headline).toBe('这是官方账号以前的微信号');
  });
});

describe('closed', () => {
  it('a deregistered account by its mobile link: date, notice and declared successor', async () => {
    const r = await check('https://m.weibo.cn/u/5329743744?from=timeline&luicode=10000011');
    expect(r.verdict).toBe('closed');
    expect(r.query.notes).toContain('tracking');
    const v = view(r);
    expect(v.headline).toBe('该账号已注销');
    expect(v.summary.map(text)).toMatchInlineSnapshot(`
      [
        "东乡族自治县教育局的新浪微博账号「东乡教育」（微博 UID 5329743744）已于 2025 年 3 月 17 日注销，不再是官方信息发布渠道。",
        "它的名称和微博 UID 仍受保护：如果现在有账号使用这个名称或微博 UID，它不是官方账号。",
        "停更公告：https://mp.weixin.qq.com/s/k6xsUDTfudcusS6aA0YtQt",
        "后续信息由东乡教育（微信公众号）发布。",
      ]
    `);
  });

  it("falls back to the unit's later account on the same platform when no successor is declared", async () => {
    const { registry } = loadFixture({ 'units/jiaoyuju/accounts/douyin-old.yaml': replace(', successor: jiaoyuju/douyin', '') });
    const idx = buildVerifyIndex(registry!);
    const r = await check('dxjyfb', idx);
    expect(r.verdict).toBe('closed');
    expect(r.primary?.rec).toMatchObject({ id: 'jiaoyuju/douyin-old', su: { id: 'jiaoyuju/douyin', p: 'douyin', s: 'active' } });
  });
});

describe('impostor', () => {
  it.each([
    ['its name', '多彩东乡官方'],
    ['its handle', 'duocaidx_gf'],
    ['its link', 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MjgzNTM2OTg5OA=='],
  ])('by %s, with the official account it imitates', async (_, query) => {
    const r = await check(query);
    expect(r.verdict).toBe('impostor');
    expect(r.primary?.rec).toMatchObject({
      t: 'i',
      id: 'wechat-duocai-dongxiang-guanfang',
      im: { id: 'rongmeiti-zhongxin/wechat', n: '多彩东乡' },
    });
  });

  it('says whether the platform removed it, and how to report', async () => {
    const v = view(await check('dxxzf_fabu'));
    expect(v.headline).toBe('这是已登记的仿冒账号');
    expect(text(v.summary[1]!)).toBe('平台已于 2026 年 7 月 24 日关闭该账号；如果你仍能看到它，请再次举报。');
    const steps = v.steps.map(text).join('\n');
    expect(steps).toContain('在抖音主页点右上角「…」，选择「举报」');
    expect(steps).toContain('向东乡族自治县人民政府办公室反映（电话 0930-7120000，邮箱 xxzx@dongxiang.example）。');
    // The impostor's own link is shown, never offered as a link to follow.
    const card = v.evidence[0]!.cards[0]!;
    const link = card.fields.find(([k]) => k.startsWith('链接'))!;
    expect(link[1].every((p) => typeof p === 'string' || !p.href)).toBe(true);
  });
});

describe('lookalike', () => {
  it('an official name plus padding words', async () => {
    const r = await check('多彩东乡服务号');
    expect(r.verdict).toBe('lookalike');
    expect(r.lookalikes[0]).toMatchObject({ name: '多彩东乡', reason: 'padding', type: 'account' });
    expect(r.lookalikes.map((l) => l.id)).toContain('rongmeiti-zhongxin/wechat');
  });

  it.each([
    ['traditional characters', '多彩東鄉', 'traditional'],
    ['a zero-width space inside', '多彩\u200b东乡', 'invisible'],
  ])('an official name written with %s is not the official name', async (_, query, note) => {
    const r = await check(query);
    expect(r.verdict).toBe('lookalike');
    expect(r.writtenDifferently).toBe(true);
    expect(r.query.notes).toContain(note);
    expect(r.lookalikes[0]).toMatchObject({ name: '多彩东乡', reason: 'same-key' });
    expect(view(r).headline).toBe('写法与官方账号不同，可能是仿冒');
  });

  it('one character changed', async () => {
    const r = await check('多彩东方');
    expect(r.verdict).toBe('lookalike');
    expect(r.lookalikes[0]).toMatchObject({ name: '多彩东乡', reason: 'edit' });
    // 相 (xiāng) sounds like 乡: the verdict names the homophone.
    const homophone = await check('多彩东相');
    expect(homophone.lookalikes[0]).toMatchObject({ name: '多彩东乡', reason: 'homophone' });
  });

  it('a handle with padding, or with look-alike letters', async () => {
    const padded = await check('duocaidongxiang_gf');
    expect(padded.verdict).toBe('lookalike');
    expect(padded.lookalikes[0]).toMatchObject({ handle: 'duocaidongxiang', reason: 'handle-padding' });
    expect(padded.requests).toBe(2);
    const cyrillic = await check('duocaidоngxiang');
    expect(cyrillic.verdict).toBe('lookalike');
    expect(cyrillic.query.notes).toContain('confusable');
  });

  it("a unit name lists the unit's accounts", async () => {
    const r = await check('东乡族自治县教育局');
    expect(r.verdict).toBe('lookalike');
    expect(r.primary).toMatchObject({ kind: 'uname', rec: { id: 'jiaoyuju' } });
    expect(r.lookalikes.map((l) => l.id)).toContain('jiaoyuju/wechat');
    expect(view(r).headline).toBe('这是单位名称，不是账号名称');
  });
});

describe('unknown', () => {
  it('nothing like it', async () => {
    const r = await check('兰州天气预报');
    expect(r.verdict).toBe('unknown');
    const v = view(r);
    expect(v.headline).toBe('名录中没有找到');
    expect(all(v)).toContain('0930-7120000');
  });

  it.each([
    ['https://v.douyin.com/iRNBvxxA/', 'short-link'],
    ['https://mp.weixin.qq.com/s/k6xsUDTfudcusS6aA0Ytab', 'article'],
    ['https://weibo.com/u/1999999999', 'platform-page'],
    ['https://weibo.com.dongxiang-gov.cn/u/5329743744', 'lookalike-host'],
    ['https://mp.weixin.qq.com@evil.example/profile', 'credentials'],
    ['https://www.gansu.gov.cn/', 'other-site'],
  ])('%s: %s', async (query, hint) => {
    const r = await check(query);
    expect(r.verdict).toBe('unknown');
    expect(r.hint).toBe(hint);
  });
});

describe('query parsing', () => {
  const platforms = () => index.config.platforms;
  it('reads a bare host or package name as both a link and a handle', () => {
    const q = parseQuery('cn.gov.dongxiang.app', platforms());
    expect(q.url?.ambiguous).toBe(true);
    expect(q.key).toBe('cn.gov.dongxiang.app');
  });

  it('notices what it had to change', () => {
    expect(parseQuery(' ｄｕｏｃａｉ\u200b ', platforms()).notes).toEqual(['invisible', 'fullwidth']);
    expect(parseQuery('東鄉教育', platforms()).notes).toEqual(['traditional']);
    expect(parseQuery('东乡\n教育', platforms()).notes).toEqual([]);
  });

  it('strips handle padding impostors add', () => {
    expect(stripHandlePadding('duocaidongxiang_gf')).toBe('duocaidongxiang');
    expect(stripHandlePadding('official_dxjy2018')).toBe('dxjy2018');
    expect(stripHandlePadding('dxjy2018_2')).toBe('dxjy2018');
    expect(stripHandlePadding('dxjy2018')).toBeNull();
  });
});
