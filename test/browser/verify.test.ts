/**
 * The verify page in Chromium on the sample site: `/verify/?q=…` runs on load and shows every
 * verdict with its evidence; the form keeps the result shareable; at most two index files are
 * fetched per lookup; no console errors, no requests to other origins; without JavaScript the
 * page explains how to check by the directory's lists.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN, launchChromium, watchPage, type PageWatch } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

interface Opened {
  page: Page;
  watch: PageWatch;
  /** Index files (`/verify/<version>/<file>.json`) requested. */
  shards: string[];
}

async function open(query: string): Promise<Opened> {
  const origin = inject('siteUrl');
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const watch = await watchPage(page, origin);
  const shards: string[] = [];
  page.on('request', (r) => {
    if (/\/verify\/[0-9a-f]+\/[xg][0-9a-f]+\.json$/.test(r.url())) shards.push(r.url());
  });
  await page.goto(`${origin}/verify/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#verify-result[data-verdict]');
  return { page, watch, shards };
}

const result = (page: Page) => page.textContent('#verify-result').then((t) => t ?? '');

describe('/verify/?q= shows each verdict with its evidence', () => {
  it('official: a WeChat profile link shared with tracking parameters', async () => {
    const { page, watch, shards } = await open(
      'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzkwMDU0MzUzOQ==&scene=124#wechat_redirect',
    );
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('official');
    expect(await page.textContent('#verify-result h2')).toBe('这是备案的官方账号');
    const text = await result(page);
    expect(text).toContain('「多彩东乡」是东乡族自治县融媒体中心在微信公众号上备案的官方账号，2016 年 9 月 1 日开设，目前在用。');
    expect(text).toContain('duocaidongxiang');
    expect(text).toContain('已整理你给出的链接');
    // The official link and the registry page are links.
    expect(await page.getAttribute('#verify-result a[href="/units/rongmeiti-zhongxin/wechat/"]', 'href')).toBe(
      '/units/rongmeiti-zhongxin/wechat/',
    );
    expect(shards.length).toBe(1);
    expect(await page.getAttribute('#verify-result', 'data-requests')).toBe('1');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('official by name: with the reminder to compare the handle', async () => {
    const { page, watch } = await open('锁南发布');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('official');
    const text = await result(page);
    expect(text).toContain('名称与官方账号一致——请再核对账号 ID');
    expect(text).toContain('dxsuonan');
    expect(text).toContain('东乡族自治县锁南镇人民政府');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('former: an old name, with the current name and since when', async () => {
    const { page, watch } = await open('东乡县教育局');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('former');
    const text = await result(page);
    expect(text).toContain(
      '「东乡县教育局」是东乡族自治县教育局的微信公众号账号在 2025 年 6 月 3 日之前使用的名称，该账号现名「东乡教育」（微信号 dxjy2018）。',
    );
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('closed: the date, the closure notice and the successor account', async () => {
    const { page, watch, shards } = await open('5329743744');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('closed');
    const text = await result(page);
    expect(text).toContain('已于 2025 年 3 月 17 日注销，不再是官方信息发布渠道。');
    expect(await page.getAttribute('#verify-result a[href="https://mp.weixin.qq.com/s/k6xsUDTfudcusS6aA0YtQt"]', 'rel')).toBe(
      'noopener noreferrer',
    );
    expect(text).toContain('后续信息由东乡教育（微信公众号）发布。');
    expect(await page.locator('#verify-result a[href="/units/jiaoyuju/wechat/"]').count()).toBeGreaterThan(0);
    expect(shards.length).toBe(1);
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('impostor: still online, the account it imitates and where to report', async () => {
    const { page, watch } = await open('duocaidx_gf');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('impostor');
    const text = await result(page);
    expect(text).toContain('「多彩东乡官方」（微信公众号）于 2026 年 9 月 3 日被发现冒充微信公众号账号「多彩东乡」，不是官方账号。');
    expect(text).toContain('已于 2026 年 9 月 4 日向平台举报，平台尚未处置');
    expect(text).toContain('被冒充的官方账号');
    expect(text).toContain('在公众号主页点右上角「…」，选择「投诉」');
    expect(text).toContain('电话 0930-7120000');
    // The impostor's own link is never a link.
    expect(await page.locator('#verify-result a[href*="MjgzNTM2OTg5OA"]').count()).toBe(0);
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('lookalike: an official name with padding words lists the real accounts', async () => {
    const { page, watch, shards } = await open('多彩东乡官方号');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('lookalike');
    const text = await result(page);
    expect(text).toContain('名录中没有这个账号，但它与官方账号相似');
    expect(text).toContain('多了或少了「官方」「发布」「服务号」等字样');
    expect(await page.locator('#verify-result a[href="/units/rongmeiti-zhongxin/wechat/"]').count()).toBe(1);
    expect(shards.length).toBeLessThanOrEqual(2);
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('lookalike: traditional characters are not the official name', async () => {
    const { page, watch } = await open('多彩東鄉');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('lookalike');
    const text = await result(page);
    expect(text).toContain('写法与官方账号不同，可能是仿冒');
    expect(text).toContain('繁体字或异体字');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('unknown: says what to do next', async () => {
    const { page, watch } = await open('兰州天气预报');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('unknown');
    const text = await result(page);
    expect(text).toContain('名录中没有与「兰州天气预报」一致或相似的账号。');
    expect(text).toContain('向东乡族自治县人民政府办公室反映');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('unknown: warns about a link that imitates a platform host', async () => {
    const { page, watch } = await open('https://weibo.com.dongxiang-gov.cn/u/5329743744');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('unknown');
    expect(await page.textContent('#verify-result h2')).toBe('这个链接可疑');
    expect(await result(page)).toContain('weibo.com.dongxiang-gov.cn');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });
});

describe('the form', () => {
  it('runs a lookup on submit, keeps it in the address bar, and goes back to the previous one', async () => {
    const { page, watch } = await open('duocaidx_gf');
    await page.fill('#verify-q', 'https://m.weibo.cn/u/5304308276?from=timeline');
    await page.press('#verify-q', 'Enter');
    await page.waitForSelector('#verify-result[data-verdict="closed"]');
    expect(new URL(page.url()).searchParams.get('q')).toBe('https://m.weibo.cn/u/5304308276?from=timeline');
    expect(await result(page)).toContain('「健康东乡」');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-result');
    await page.goBack();
    await page.waitForSelector('#verify-result[data-verdict="impostor"]');
    expect(await page.inputValue('#verify-q')).toBe('duocaidx_gf');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('works as a plain GET form and reads its own shareable link', async () => {
    const origin = inject('siteUrl');
    const page = await browser.newPage();
    const watch = await watchPage(page, origin);
    await page.goto(`${origin}/verify/`);
    expect(await page.getAttribute('#verify-form', 'method')).toBe('get');
    expect(await page.getAttribute('#verify-q', 'name')).toBe('q');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBeNull();
    await page.fill('#verify-q', 'twfb2017');
    await page.click('#verify-form button[type=submit]');
    await page.waitForSelector('#verify-result[data-verdict="former"]');
    const shared = page.url();
    const again = await browser.newPage();
    await again.goto(shared);
    await again.waitForSelector('#verify-result[data-verdict="former"]');
    expect(await again.textContent('#verify-result h2')).toBe('这是官方账号以前的微信号');
    expect(watch).toEqual(CLEAN);
    await again.close();
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('explains how to check by the lists, with links to every platform', async () => {
    const origin = inject('siteUrl');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/verify/?q=duocaidx_gf`);
    expect(await page.textContent('noscript')).toContain('核验工具无法运行');
    expect(await page.textContent('.manual-check')).toContain('在页面中查找');
    expect(await page.locator('.manual-check a[href="/platforms/wechat/"]').count()).toBe(1);
    expect(await page.locator('.manual-check a[href="/impostors/"]').count()).toBe(1);
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBeNull();
    await context.close();
  });
});
