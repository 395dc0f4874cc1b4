/** The shared normaliser: the same account written in different ways compares equal. */
import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  foldConfusables,
  lookupKey,
  normalizeHandle,
  normalizeName,
  normalizeText,
  platformOfHost,
  toSimplified,
  urlKey,
} from '../src/shared/normalize.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { FIXTURE } from './helpers/fixture.ts';

const platforms = loadRegistry(FIXTURE, { asOf: '2026-11-28' }).registry!.platforms;
const key = (url: string) => urlKey(url, platforms);

describe('text', () => {
  it('folds full-width forms, removes invisible characters and trims', () => {
    expect(normalizeText('  ＤＸ教育\u200b发布 ')).toBe('DX教育发布');
    expect(normalizeName('东乡 教育\u202e')).toBe('东乡教育');
    expect(normalizeHandle('@ＤＸＪＹ2018')).toBe('dxjy2018');
  });
});

describe('urlKey', () => {
  it.each([
    ['https://weibo.com/u/5123456789', 'weibo.com/u/5123456789'],
    ['https://m.weibo.cn/u/5123456789?from=timeline&sourceType=weixin', 'weibo.com/u/5123456789'],
    ['http://m.weibo.cn/profile/5123456789/', 'weibo.com/u/5123456789'],
    ['weibo.com/u/5123456789', 'weibo.com/u/5123456789'],
    ['https://WWW.Weibo.com/u/5123456789#top', 'weibo.com/u/5123456789'],
  ])('folds the Weibo mobile and desktop forms: %s', (url, expected) => {
    expect(key(url)).toBe(expected);
  });

  it('keeps the WeChat account parameter, even on an article link, and drops the rest', () => {
    const profile = key('https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NzQ2NjQ1Mg==&scene=124#wechat_redirect');
    expect(profile).toBe('mp.weixin.qq.com?__biz=MzA5NzQ2NjQ1Mg==');
    expect(key('https://mp.weixin.qq.com/s?__biz=MzA5NzQ2NjQ1Mg%3D%3D&mid=2650&idx=1&sn=abc&chksm=x&scene=21')).toBe(profile);
  });

  it('drops tracking parameters and keeps the identity of other links', () => {
    expect(key('https://www.douyin.com/user/MS4wLjABAAAAabc?from_tab_name=main&utm_source=copy')).toBe('douyin.com/user/MS4wLjABAAAAabc');
    expect(key('https://www.iesdouyin.com/share/user/MS4wLjABAAAAabc?share_sign=x')).toBe('douyin.com/user/MS4wLjABAAAAabc');
    expect(key('https://www.example.gov.cn/page?id=5&utm_medium=x&spm=1.2')).toBe('example.gov.cn/page?id=5');
  });

  it('keeps case where it identifies the account', () => {
    expect(key('https://www.douyin.com/user/MS4wLjABAAAAaBc')).not.toBe(key('https://www.douyin.com/user/MS4wLjABAAAAabc'));
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>', 'not a url', 'ftp://weibo.com/u/1'])('is null for %s', (text) => {
    expect(key(text)).toBeNull();
  });
});

/** Real-world variants of one account, as people paste them from apps, chats and posters. */
describe('real-world variants', () => {
  const canonical = (url: string) => canonicalUrl(url, platforms);

  it.each([
    // WeChat: profile link shared from the app, article links of the same account, percent-encoded __biz.
    [
      'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NzQ2NjQ1Mg==&scene=124#wechat_redirect',
      'https://mp.weixin.qq.com?__biz=MzA5NzQ2NjQ1Mg==',
    ],
    [
      'http://mp.weixin.qq.com/mp/profile_ext?__biz=MzA5NzQ2NjQ1Mg%3D%3D&action=home&devicetype=android-34&version=28003034&lang=zh_CN&nettype=WIFI&a8scene=7&session_us=gh_1a2b3c4d5e6f',
      'https://mp.weixin.qq.com?__biz=MzA5NzQ2NjQ1Mg==',
    ],
    [
      'https://mp.weixin.qq.com/s?__biz=MzA5NzQ2NjQ1Mg==&mid=2650000001&idx=1&sn=0123456789abcdef&chksm=8b00&mpshare=1&scene=1&srcid=1128abc&sharer_shareid=xyz#rd',
      'https://mp.weixin.qq.com?__biz=MzA5NzQ2NjQ1Mg==',
    ],
    // WeChat QR payloads keep their case (the code is case-sensitive).
    ['http://weixin.qq.com/r/abcDEF123', 'https://weixin.qq.com/r/abcDEF123'],
    // Weibo: mobile site, profile form, share parameters, desktop with www.
    ['https://m.weibo.cn/u/5123456789?uid=5123456789&luicode=10000011&lfid=1076035123456789', 'https://weibo.com/u/5123456789'],
    ['https://m.weibo.cn/profile/5123456789?from=page_100505&wm=3333_2001', 'https://weibo.com/u/5123456789'],
    ['https://www.weibo.com/u/5123456789?refer_flag=1005055013_&is_hot=1', 'https://weibo.com/u/5123456789'],
    ['https://weibo.cn/u/5123456789', 'https://weibo.com/u/5123456789'],
    // Douyin: web profile with tab parameters, the app's share page.
    [
      'https://www.douyin.com/user/MS4wLjABAAAAnew0123456789?from_tab_name=main&vid=7312345678901234567',
      'https://douyin.com/user/MS4wLjABAAAAnew0123456789',
    ],
    [
      'https://www.iesdouyin.com/share/user/MS4wLjABAAAAnew0123456789?u_code=1ab2&did=MS4w&iid=MS4w&with_sec_did=1&sec_uid=MS4wLjABAAAAnew0123456789&from_ssr=1&timestamp=1732770000&utm_source=copy&utm_campaign=client_share&utm_medium=android&app=aweme',
      'https://douyin.com/user/MS4wLjABAAAAnew0123456789',
    ],
    // Kuaishou live profile, Bilibili mobile space, Xiaohongshu share tokens.
    [
      'https://live.kuaishou.com/profile/3xabcdefghijk?fid=1&cc=share_copylink&shareMethod=TOKEN',
      'https://kuaishou.com/profile/3xabcdefghijk',
    ],
    ['https://m.bilibili.com/space/3461234567890123?spm_id_from=333.1007.0.0', 'https://space.bilibili.com/3461234567890123'],
    [
      'https://www.xiaohongshu.com/user/profile/5f1234567890abcdef123456?xsec_token=ABxyz&xsec_source=app_share&xhsshare=CopyLink',
      'https://xiaohongshu.com/user/profile/5f1234567890abcdef123456',
    ],
    // Typed from a phone keyboard: full-width letters and punctuation, a zero-width space, no scheme.
    ['ｈｔｔｐｓ：／／ｗｅｉｂｏ．ｃｏｍ／ｕ／５１２３４５６７８９', 'https://weibo.com/u/5123456789'],
    ['https://weibo.com/u/51234\u200b56789', 'https://weibo.com/u/5123456789'],
    ['m.weibo.cn/u/5123456789', 'https://weibo.com/u/5123456789'],
    // Another site: tracking parameters dropped, identity parameters kept and sorted.
    [
      'https://www.dongxiang.gov.cn/art/2026/11/1/art_1.html?utm_source=wechat&spm=a.b&id=7&from=singlemessage',
      'https://dongxiang.gov.cn/art/2026/11/1/art_1.html?id=7',
    ],
  ])('link %s', (url, expected) => {
    expect(canonical(url)).toBe(expected);
  });

  it('folds mobile host prefixes (m., mobile., wap.) onto the platform', () => {
    expect(platformOfHost('mobile.weibo.com', platforms)?.id).toBe('weibo');
    expect(platformOfHost('wap.weibo.com', platforms)?.id).toBe('weibo');
    expect(platformOfHost('m.toutiao.com', platforms)?.id).toBe('toutiao');
    expect(platformOfHost('weibo.com.example.cn', platforms)).toBeUndefined();
  });

  it.each([
    // Traditional characters, HK/TW variant forms and old variants all give the simplified key.
    ['東鄉教育', '东乡教育'],
    ['多彩東鄉', '多彩东乡'],
    ['東鄉縣政府發佈', '东乡县政府发布'],
    ['衛健東鄉', '卫健东乡'],
    ['多彩東郷', '多彩东乡'],
    ['鎖南發布', '锁南发布'],
    // Zero-width and bidi characters inside names, spaces, full-width letters.
    ['多彩\u200b东乡', '多彩东乡'],
    ['唐汪\u2060发布\u202e', '唐汪发布'],
    [' 锁南 发布 ', '锁南发布'],
    ['ＤＸ教育', 'dx教育'],
    // Handles: @, case, full-width, Cyrillic look-alike letters.
    ['@DxJy2018', 'dxjy2018'],
    ['ｄｘｊｙ２０１８', 'dxjy2018'],
    ['dхjу2018', 'dxjy2018'],
  ])('name or handle %s', (text, expected) => {
    expect(lookupKey(text)).toBe(expected);
  });

  it('keeps simplified text and phrases intact', () => {
    expect(toSimplified('东乡族自治县教育局')).toBe('东乡族自治县教育局');
    // A phrase where 乾 is not 干 (phrase dictionary), and one where it is.
    expect(toSimplified('乾隆')).toBe('乾隆');
    expect(toSimplified('乾淨')).toBe('干净');
  });

  it('reads only Cyrillic and Greek look-alikes as Latin', () => {
    expect(foldConfusables('dхjу')).toBe('dxjy');
    expect(foldConfusables('东乡 dxjy')).toBe('东乡 dxjy');
  });

  it("is the validator's comparison too: the handle forms of one account compare equal", () => {
    expect(normalizeHandle('@ＤＸＪＹ2018\u200b')).toBe(normalizeHandle('dxjy2018'));
  });
});
