/** The shared normaliser: the same account written in different ways compares equal. */
import { describe, expect, it } from 'vitest';
import { normalizeHandle, normalizeName, normalizeText, urlKey } from '../src/lib/normalize.ts';
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
