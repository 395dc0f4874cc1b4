/**
 * The verify lookup on a fixture registry: filing numbers in any spelling, this site's own account,
 * form and poster links, posters older than the account's last change, and former names that an
 * impostor now uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { filingNumberKey } from '../src/shared/normalize.ts';
import { buildVerifyIndex, type VerifyIndex } from '../src/lib/verify/build.ts';
import { explain, type ResultView } from '../src/shared/verify/explain.ts';
import { type VerifyResult } from '../src/shared/verify/lookup.ts';
import { accountPageUrl, ownSiteTarget, posterVerifyUrl } from '../src/shared/verify/site-urls.ts';
import { loadFixture, replace } from './helpers/fixture.ts';
import { LINKS as links, lineText as text, lookup } from './helpers/verify.ts';

let index: VerifyIndex;
beforeAll(() => {
  const { registry, problems } = loadFixture({
    // The fixture has no ledger: the numbers given below are recorded as `npm run number` would.
    'filing-numbers.yaml': [
      'numbers:',
      '  - { number: 622926-2019-0003, account: jiaoyuju/wechat }',
      '  - { number: 622926-2025-0007, account: jiaoyuju/douyin-old }',
      '',
    ].join('\n'),
    'units/jiaoyuju/accounts/wechat.yaml': (t) =>
      replace(
        'verified_as:',
        'filing_number: 622926-2019-0003\nverified_as:',
      )(t).replace('previous_name: 东乡县教育局 }', 'previous_name: 东乡县教育局, previous_handle: dxjyold }'),
    'impostors/old-handle.yaml': [
      'platform: wechat',
      'name: 东乡教育服务',
      'handle: dxjyold',
      'url: null',
      'imitates: jiaoyuju/wechat',
      'found: 2026-11-05',
      'reported: null',
      'removed: null',
      'source: public-report',
      '',
    ].join('\n'),
    'units/jiaoyuju/accounts/douyin-old.yaml': replace('verified_as:', 'filing_number: 622926-2025-0007\nverified_as:'),
    'impostors/old-name.yaml': [
      'platform: wechat',
      'name: 东乡县教育局',
      'handle: dxxjyj_fake',
      'url: null',
      'imitates: jiaoyuju/wechat',
      'found: 2026-11-02',
      'reported: 2026-11-03',
      'removed: null',
      'source: public-report',
      '',
    ].join('\n'),
  });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  index = buildVerifyIndex(registry!);
});

const check = (query: string, here?: string): Promise<VerifyResult> => lookup(index, query, here);
const all = (v: ResultView) =>
  [
    v.headline,
    ...v.summary.map(text),
    ...v.evidence.flatMap((g) => g.cards.map((c) => c.fields.map(([k, x]) => `${k}:${text(x)}`).join('\n'))),
  ].join('\n');

describe('filingNumberKey', () => {
  it.each([
    ['622926-2019-0003', '622926-2019-0003'],
    ['６２２９２６－２０１９－０００３', '622926-2019-0003'],
    ['622926 2019 0003', '622926-2019-0003'],
    ['62292620190003', '622926-2019-0003'],
    ['备案编号：622926-2019-0003', '622926-2019-0003'],
    ['政务新媒体备案号 622926—2019—0003', '622926-2019-0003'],
    ['  622926_2019_0003 ', '622926-2019-0003'],
    ['6229 2620 1900 03', '622926-2019-0003'],
  ])('%s → %s', (input, expected) => expect(filingNumberKey(input)).toBe(expected));

  it.each(['622926-2019-003', '6229-26-2019-0003', '622926-1819-0003', '5123456789', 'dxjy2018', '622926-2019-0003x', ''])(
    'not a filing number: %s',
    (input) => expect(filingNumberKey(input)).toBeNull(),
  );
});

describe('filing numbers in verify', () => {
  it.each(['622926-2019-0003', '６２２９２６－２０１９－０００３', '备案编号：62292620190003', '622926 2019 0003'])(
    'official: %s',
    async (q) => {
      const r = await check(q);
      expect(r.verdict).toBe('official');
      expect(r.primary?.kind).toBe('filing');
      expect(r.primary?.rec.id).toBe('jiaoyuju/wechat');
      const v = explain(r, index.config, links);
      expect(all(v)).toContain('你给出的备案编号与名录中这个账号的登记一致。');
      expect(all(v)).toContain('备案编号:622926-2019-0003');
    },
  );

  it('closed: the number of a deregistered account', async () => {
    const r = await check('622926-2025-0007');
    expect(r.verdict).toBe('closed');
    expect(r.primary?.rec.id).toBe('jiaoyuju/douyin-old');
  });

  it('unknown: a well-formed number nobody has', async () => {
    const r = await check('622926-2026-0999');
    expect(r.verdict).toBe('unknown');
    expect(r.hint).toBe('filing-unknown');
    expect(explain(r, index.config, links).summary.map(text)[0]).toMatchInlineSnapshot(
      `"名录中没有这个备案编号。如果某个账号在主页上写着这个编号，说明编号是编造或抄错的：它不能证明账号是官方的。"`,
    );
  });
});

describe('ownSiteTarget', () => {
  const sites = ['https://xmt.dongxiang.example/', 'http://127.0.0.1:4321/base/'];
  const target = (u: string) => ownSiteTarget(new URL(u), sites);
  it.each([
    ['https://xmt.dongxiang.example/units/jiaoyuju/wechat/', 'jiaoyuju/wechat'],
    ['http://www.xmt.dongxiang.example/units/jiaoyuju/wechat', 'jiaoyuju/wechat'],
    ['https://xmt.dongxiang.example/units/jiaoyuju/wechat/form/?utm_source=wx&from=timeline&isappinstalled=0', 'jiaoyuju/wechat'],
    ['https://xmt.dongxiang.example/units/jiaoyuju/wechat/index.html#top', 'jiaoyuju/wechat'],
    ['http://127.0.0.1:4321/base/units/jiaoyuju/wechat/', 'jiaoyuju/wechat'],
    ['http://127.0.0.1:4321/units/jiaoyuju/wechat/', 'jiaoyuju/wechat'],
  ])('%s names %s', (u, id) => expect(target(u)).toMatchObject({ kind: 'account', account: id }));

  it('a unit page and its poster name the unit; the poster slug is not an account', () => {
    expect(target('https://xmt.dongxiang.example/units/jiaoyuju/')).toEqual({ kind: 'unit', unit: 'jiaoyuju' });
    expect(target('https://xmt.dongxiang.example/units/jiaoyuju/poster/')).toEqual({ kind: 'unit', unit: 'jiaoyuju' });
  });

  it('another site is not this site', () => {
    expect(target('https://xmt.dongxiang.example.evil.cn/units/jiaoyuju/wechat/')).toBeNull();
    expect(target('https://weibo.com/units/jiaoyuju/wechat/')).toBeNull();
  });

  it('a poster verify link round-trips', () => {
    const url = posterVerifyUrl('https://xmt.dongxiang.example', { id: 'jiaoyuju/wechat' }, '2026-01-05');
    expect(url).toBe(
      'https://xmt.dongxiang.example/verify/?q=https%3A%2F%2Fxmt.dongxiang.example%2Funits%2Fjiaoyuju%2Fwechat%2F&issued=2026-01-05',
    );
    expect(target(url)).toEqual({
      kind: 'query',
      query: accountPageUrl('https://xmt.dongxiang.example/', { id: 'jiaoyuju/wechat' }),
      issued: '2026-01-05',
    });
  });
});

describe('own-site links in verify', () => {
  it.each([
    'https://registry.example/units/jiaoyuju/wechat/',
    'https://registry.example/units/jiaoyuju/wechat/form/?utm_medium=qr&from=timeline&isappinstalled=0',
    'http://localhost:8080/sub/units/jiaoyuju/wechat/',
    '扫码核验 https://registry.example/units/jiaoyuju/wechat/',
  ])('official: %s', async (q) => {
    const r = await check(q, 'http://localhost:8080/sub/');
    expect(r.verdict).toBe('official');
    expect(r.primary?.rec.id).toBe('jiaoyuju/wechat');
  });

  it('closed: the page of a deregistered account', async () => {
    expect((await check('https://registry.example/units/jiaoyuju/douyin-old/')).verdict).toBe('closed');
  });

  it('an account page the registry does not have, and a page that is no account', async () => {
    const missing = await check('https://registry.example/units/jiaoyuju/kuaishou/');
    expect([missing.verdict, missing.hint]).toEqual(['unknown', 'own-site-missing']);
    const home = await check('https://registry.example/compliance/');
    expect([home.verdict, home.hint]).toEqual(['unknown', 'own-site']);
  });

  it('a poster printed before the last change says so; a recent one does not', async () => {
    const old = await check(posterVerifyUrl('https://registry.example/', { id: 'jiaoyuju/wechat' }, '2026-01-05'));
    expect(old.verdict).toBe('official');
    expect(text(explain(old, index.config, links).summary[0]!)).toMatchInlineSnapshot(
      `"这张海报印制于 2026 年 1 月 5 日，之后账号有变更（2026 年 6 月 3 日）：海报上的名称、账号 ID 或状态可能已经过时，请以下面的名录登记为准。"`,
    );
    const recent = await check(posterVerifyUrl('https://registry.example/', { id: 'jiaoyuju/wechat' }, '2026-11-20'));
    expect(text(explain(recent, index.config, links).summary[0]!)).toBe('这张海报印制于 2026 年 11 月 20 日，此后账号没有变更。');
  });
});

describe('former names stay protected', () => {
  it('a former handle that an impostor now holds: impostor, and the handle is protected', async () => {
    const r = await check('dxjyold');
    expect(r.verdict).toBe('impostor');
    expect(all(explain(r, index.config, links))).toContain(
      'dxjyold 是官方账号以前的微信号：东乡族自治县教育局的账号现名「东乡教育」。如果现在有账号使用这个微信号，它不是官方账号。',
    );
  });

  it('a former name that an impostor uses: impostor, with the former-name warning and the current account', async () => {
    const r = await check('东乡县教育局');
    expect(r.verdict).toBe('impostor');
    const v = explain(r, index.config, links);
    expect(all(v)).toContain(
      '「东乡县教育局」是官方账号的曾用名：东乡族自治县教育局的账号现名「东乡教育」。如果现在有账号使用这个名称，它不是官方账号。',
    );
    expect(v.summary.flat().some((p) => typeof p !== 'string' && p.href === '/units/jiaoyuju/wechat/')).toBe(true);
  });
});
