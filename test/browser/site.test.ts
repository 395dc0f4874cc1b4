/**
 * The public directory in Chromium, on the sample site built by global-setup.ts: a citizen's way
 * from the home page through a Chinese search to an account; every route of the directory with
 * no console error, no request to another origin and no axe-core violation; no horizontal scroll
 * at 320 px; the filing form on one A4 page; the Atom feed well-formed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchChromium, watchPage, type PageWatch } from './chromium.ts';

let browser: Browser;
let shots: string;
beforeAll(async () => {
  browser = await launchChromium();
  shots = mkdtempSync(path.join(os.tmpdir(), 'registry-shots-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(shots, { recursive: true, force: true });
});

const clean: PageWatch = { consoleErrors: [], pageErrors: [], foreignRequests: [], dialogs: [] };

async function open(path: string, width = 1280): Promise<{ page: Page; watch: PageWatch }> {
  const origin = inject('siteUrl');
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const watch = await watchPage(page, origin);
  await page.goto(`${origin}${path}`);
  return { page, watch };
}

/** Routes of the directory, with what each must show. */
const ROUTES: [path: string, text: string][] = [
  ['/', '账号统计'],
  ['/search/?q=%E9%94%81%E5%8D%97', '锁南发布'],
  ['/search/?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%8D%95%E4%BD%8D', '没有找到'],
  ['/units/', '县直部门'],
  ['/units/jiaoyuju/', '东乡族自治县教育局'],
  ['/units/jiaoyuju/wechat/', 'dxjy2018'],
  ['/units/jiaoyuju/weibo/', '注销'],
  ['/units/rongmeiti-zhongxin/wechat/', '多彩东乡官方'],
  ['/units/jiaoyuju/wechat/form/', '政务新媒体备案登记表'],
  ['/platforms/', '新浪微博'],
  ['/platforms/wechat/', '微信号'],
  ['/kinds/township/', '锁南'],
  ['/closed/', '已关停和注销的账号'],
  ['/impostors/', '多彩东乡官方'],
  ['/changes/', '变更记录'],
  ['/data/', 'accounts.csv'],
  ['/no-such-page/', '页面不存在'],
];

describe('a citizen checks an account', () => {
  it('searches a Chinese name from the home page and opens the account', async () => {
    const { page, watch } = await open('/', 390);
    await page.getByLabel('搜索单位或账号').fill('锁南');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\/\?q=/);
    const result = page.locator('.search-results a', { hasText: '锁南发布' }).first();
    await result.waitFor();
    expect(await page.locator('.tier-1 h2').textContent()).toBe('官方单位和账号');
    // The WeChat account among the hits (handle dxsuonan exactly): follow it.
    const wechat = page.locator('.search-results li:not(:has(li))').filter({ has: page.locator('.mono', { hasText: /^dxsuonan$/ }) });
    expect(await wechat.textContent()).toContain('微信公众号');
    await wechat.locator('a', { hasText: '锁南发布' }).click();
    await page.waitForURL(/\/units\/suonan-zhen\/wechat\/$/);
    expect(await page.locator('h1').textContent()).toContain('锁南发布');
    expect(await page.locator('.verdict.official').textContent()).toContain('已备案，正在使用');
    expect(await page.locator('dl.fields').first().textContent()).toContain('dxsuonan');
    expect(watch).toEqual(clean);
    await page.close();
  });

  it('types a query and sees official results before impostors, updating the address', async () => {
    const { page, watch } = await open('/search/');
    await page.locator('#q').pressSequentially('多彩东乡', { delay: 30 });
    await page.locator('.tier-3').waitFor();
    const tiers = await page
      .locator('.search-results section')
      .evaluateAll((sections) => sections.map((s) => (s as HTMLElement).dataset.tier));
    expect(tiers[0]).toBe('1');
    expect(tiers.at(-1)).toBe('3');
    expect(await page.locator('.tier-3').textContent()).toContain('多彩东乡官方');
    expect(new URL(page.url()).searchParams.get('q')).toBe('多彩东乡');
    await page.locator('select[name="platform"]').selectOption('weibo');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('platform') === 'weibo');
    await page.waitForFunction(() => !document.querySelector('.search-results')?.textContent?.includes('微信公众号'));
    expect(watch).toEqual(clean);
    await page.close();
  });
});

describe('every route of the directory', () => {
  for (const [route, text] of ROUTES) {
    it(`${decodeURIComponent(route)} loads cleanly, passes axe and fits 320 px`, async () => {
      const { page, watch } = await open(route);
      if (route.startsWith('/search/')) await page.locator('.search-results > *').first().waitFor();
      expect(await page.locator('main').textContent()).toContain(text);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await axeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 320, height: 640 });
      const file = path.join(shots, `${route.replace(/\W+/g, '_')}.png`);
      const png = await page.screenshot({ path: file, fullPage: true });
      expect(png.readUInt32BE(16), 'screenshot width').toBe(320);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);
      // The not-found page is served with status 404, which Chromium reports on the console.
      if (route === '/no-such-page/') watch.consoleErrors = watch.consoleErrors.filter((e) => !e.includes('status of 404'));
      expect(watch).toEqual(clean);
      await page.close();
    });
  }
});

describe('printable and machine-readable pages', () => {
  it('prints the filing form of every kind of account on one A4 page', async () => {
    // The account with the longest history and the one with the longest purpose, plus an outsourced one.
    for (const id of ['jiaoyuju/app', 'rongmeiti-zhongxin/douyin', 'renshe-ju/wechat-fuwu', 'jiaoyuju/weibo']) {
      const { page, watch } = await open(`/units/${id}/form/`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').count()).toBe(0);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
      expect(pages, id).toBe(1);
      expect(watch).toEqual(clean);
      await page.close();
    }
  });

  it('publishes a well-formed Atom feed of the latest changes', async () => {
    const { page } = await open('/');
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('changes.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        entries: doc.querySelectorAll('entry').length,
        ids: [...doc.querySelectorAll('entry > id')].map((e) => e.textContent),
        first: doc.querySelector('entry > title')?.textContent,
        updated: doc.querySelector('feed > updated')?.textContent,
      };
    });
    expect(feed.error).toBeNull();
    expect(feed.entries).toBe(50);
    expect(new Set(feed.ids).size).toBe(50);
    expect(feed.ids[0]).toMatch(/^https:\/\/registry\.example\/units\/[a-z0-9-]+\/[a-z0-9-]+\/#event-\d+$/);
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    expect(feed.first).toMatch(/：.+（.+）$/);
    await page.close();
  });
});
