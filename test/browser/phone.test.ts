/**
 * The site on a phone in WeChat, at 390 px and 320 px: no page scrolls sideways, no table cell is
 * narrower than its shortest word (tables stack into cards), the home page asks "is this account
 * official?" first, search results start on the first screen, and the search page copes with
 * traditional characters, full-width letters and browsers where it cannot run.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchChromium, watchPage, type PageWatch } from './chromium.ts';
import { earlyWraps, horizontalOverflow, narrowCells, vagueLinks, WECHAT_UA, weakFocusRings } from './layout.ts';

/** The main pages a citizen or a clerk opens. */
export const MAIN_PAGES = [
  '/',
  '/search/?q=%E9%94%81%E5%8D%97',
  '/verify/',
  '/units/',
  '/units/tangwang-zhen/',
  '/units/tangwang-zhen/douyin/',
  '/units/tangwang-zhen/douyin/form/',
  '/units/jiaoyuju/weibo/',
  '/units/tangwang-zhen/poster/',
  '/platforms/',
  '/platforms/wechat/',
  '/closed/',
  '/impostors/',
  '/compliance/',
  '/compliance/2026/',
  '/compliance/units/',
  '/compliance/rules/',
  '/changes/',
  '/data/',
] as const;

const WIDTHS = [390, 320] as const;

const HEIGHT = 740;
const clean: PageWatch = { consoleErrors: [], pageErrors: [], foreignRequests: [], dialogs: [] };

let browser: Browser;
const contexts = new Map<number, BrowserContext>();
beforeAll(async () => {
  browser = await launchChromium();
  for (const width of WIDTHS)
    contexts.set(
      width,
      await browser.newContext({ viewport: { width, height: HEIGHT }, userAgent: WECHAT_UA, isMobile: true, hasTouch: true }),
    );
});
afterAll(async () => browser?.close());

async function open(path: string, width: number, init?: () => void): Promise<{ page: Page; watch: PageWatch }> {
  const origin = inject('siteUrl');
  const page = await contexts.get(width)!.newPage();
  if (init) await page.addInitScript(init);
  const watch = await watchPage(page, origin);
  await page.goto(`${origin}${path}`);
  if (path.startsWith('/search/?q=')) await page.locator('.search-results > *').first().waitFor();
  return { page, watch };
}

describe.each(WIDTHS)('at %i px in WeChat', (width) => {
  it.each(MAIN_PAGES)('%s: no sideways scroll, no table cell narrower than its shortest word, no axe violation', async (path) => {
    const { page, watch } = await open(path, width);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await narrowCells(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // Opened, the compliance data tables stack too.
    await page.locator('details:not([open]) > summary').evaluateAll((s) => s.forEach((x) => (x as HTMLElement).click()));
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await narrowCells(page)).toEqual([]);
    expect(watch).toEqual(clean);
    await page.close();
  });

  it('home page: the verify question comes first, on the first screen, before search', async () => {
    const { page } = await open('/', width);
    const ask = page.locator('form[action="/verify/"]');
    const box = (await ask.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(HEIGHT);
    expect(await page.locator('#ask-title').textContent()).toBe('这个账号是官方的吗？');
    const search = (await page.locator('form[action="/search/"]').boundingBox())!;
    expect(search.y).toBeGreaterThan(box.y);
    await page.locator('#ask-q').fill('锁南发布');
    await page.locator('#ask-q').press('Enter');
    await page.waitForURL(/\/verify\/\?q=/);
    await page.locator('[data-verdict]').first().waitFor();
    await page.close();
  });

  it('search: results start on the first screen, filters folded, no focus stolen by the keyboard', async () => {
    const { page } = await open('/search/?q=%E9%94%81%E5%8D%97', width);
    expect(await page.locator('details.search-more').getAttribute('open')).toBeNull();
    const first = (await page.locator('.search-results a.entry-title').first().boundingBox())!;
    expect(first.y + first.height).toBeLessThan(HEIGHT);
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('q');
    expect(await page.locator('#q').getAttribute('autofocus')).toBeNull();
    await page.close();
  });
});

describe('WeChat', () => {
  it('poster: every QR code is an image (long press: 识别二维码), on screen and in print, scaled without blurring', async () => {
    const { page, watch } = await open('/units/tangwang-zhen/poster/', 390);
    const codes = page.locator('.poster-qr');
    const count = await codes.count();
    expect(count).toBeGreaterThan(1);
    expect(await page.locator('.poster-qr > img.qr-png:only-child:visible').count()).toBe(count);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.poster-qr > img.qr-png:only-child:visible').count()).toBe(count);
    const rendering = await page
      .locator('.poster-qr img.qr-png')
      .evaluateAll((imgs) => imgs.map((img) => getComputedStyle(img).imageRendering));
    expect(new Set(rendering)).toEqual(new Set(['pixelated']));
    expect(watch).toEqual(clean);
    await page.close();
  });

  it('account page: copy buttons for the account ID and link; a Douyin link says to copy it into the app', async () => {
    const { page, watch } = await open('/units/tangwang-zhen/douyin/', 390);
    const buttons = page.getByRole('button', { name: /^复制/ });
    expect(await buttons.evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')))).toEqual(['复制抖音号', '复制链接']);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await buttons.first().click();
    // The label changes once the clipboard has answered (asynchronously), and back after 2.5 s.
    await expect.poll(() => buttons.first().textContent(), { timeout: 2000, interval: 20 }).toMatch(/^(已复制|请长按复制)$/);
    expect(await page.locator('dd', { has: page.locator('a[href*="douyin.com"]') }).textContent()).toContain('在微信里打不开抖音链接');
    expect(watch).toEqual(clean);
    await page.close();
  });

  it('a deregistered account shows its old platform link as text, not a link', async () => {
    const { page } = await open('/units/jiaoyuju/weibo/', 390);
    const dd = page.locator('dt:text-is("账号链接") + dd');
    expect(await dd.textContent()).toContain('不再指向官方账号');
    expect(await dd.locator('a').count()).toBe(0);
    await page.close();
  });

  it('the header nav and the footer wrap a line only when the next item does not fit (phone to desktop widths)', async () => {
    const { page } = await open('/units/', 390);
    for (const width of [320, 340, 360, 375, 390, 412, 430, 600, 768, 1024]) {
      await page.setViewportSize({ width, height: HEIGHT });
      expect(await earlyWraps(page, '.site-header nav'), `nav at ${width} px`).toEqual([]);
      expect(await earlyWraps(page, '.site-footer ul'), `footer at ${width} px`).toEqual([]);
      expect(await horizontalOverflow(page), `sideways scroll at ${width} px`).toBe(0);
    }
    expect(await page.locator('.site-header nav > a').count()).toBe(8);
    await page.close();
  });

  it('phone numbers never break across lines', async () => {
    const { page } = await open('/units/kaole-xiang/', 320);
    const tel = page.locator('a[href^="tel:"]');
    expect(await tel.count()).toBeGreaterThan(0);
    for (const style of await tel.evaluateAll((a) => a.map((x) => getComputedStyle(x).whiteSpace))) expect(style).toBe('nowrap');
    await page.close();
  });
});

describe('accessibility details', () => {
  it.each(['/', '/units/tangwang-zhen/douyin/', '/compliance/', '/search/?q=%E9%94%81%E5%8D%97', '/units/kaole-xiang/'])(
    '%s: every focus ring has at least 3:1 contrast with the background it is drawn on',
    async (path) => {
      const { page } = await open(path, 390);
      expect(await weakFocusRings(page)).toEqual([]);
      await page.close();
    },
  );

  it('the focus check catches a light ring on a light page (the old yellow #f0b400 on white)', async () => {
    const { page } = await open('/', 390);
    await page.evaluate(() => document.documentElement.style.setProperty('--focus', '#f0b400'));
    expect((await weakFocusRings(page, 12)).length).toBeGreaterThan(3);
    await page.close();
  });

  it('colours mean the same everywhere: coverage is drawn in the "ok" green, never in the problems\' red', async () => {
    const { page } = await open('/compliance/', 390);
    const lines = await page.locator('#chart-coverage path.line').evaluateAll((p) => p.map((x) => getComputedStyle(x).stroke));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines)).toEqual(new Set(['rgb(26, 127, 55)']));
    const problems = await page
      .locator('#chart-problems path.line')
      .first()
      .evaluate((x) => getComputedStyle(x).stroke);
    expect(problems).toBe('rgb(180, 35, 24)');
    expect(await page.locator('[data-figure="coverage"]').getAttribute('class')).not.toContain('bad');
    await page.close();
  });

  it.each(MAIN_PAGES)('%s: link texts say where they go', async (path) => {
    const { page } = await open(path, 390);
    expect(await vagueLinks(page)).toEqual([]);
    await page.close();
  });
});

describe('search folds what people type', () => {
  async function found(q: string): Promise<{ status: string; names: string[] }> {
    const { page } = await open(`/search/?q=${encodeURIComponent(q)}`, 390);
    const status = (await page.textContent('.search-status')) ?? '';
    const names = await page.locator('.search-results .mono').allTextContents();
    await page.close();
    return { status: status.replace(/“[^”]*”/, '“…”'), names };
  }

  it.each([
    ['鎖南', '锁南'],
    ['東鄉教育', '东乡教育'],
    ['ｄｘｓｕｏｎａｎ', 'dxsuonan'],
    ['ＤＸＪＹ２０１８', 'dxjy2018'],
  ])('%s finds what %s finds, and says how many', async (typed, simplified) => {
    const a = await found(typed);
    const b = await found(simplified);
    expect(b.names.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
    expect(a.status).toMatch(/^“…”：(找到|先显示) \d+ 个/);
  });

  it('says search cannot run in this browser, and where to browse instead, without WebAssembly', async () => {
    const { page, watch } = await open('/search/?q=%E9%94%81%E5%8D%97', 390, () => {
      // An old WebView: no WebAssembly.
      Reflect.deleteProperty(globalThis, 'WebAssembly');
    });
    const note = page.locator('[data-search-unavailable]');
    await note.waitFor();
    expect(await note.textContent()).toContain('搜索无法在这个浏览器中运行');
    expect(await note.locator('a').evaluateAll((a) => a.map((x) => x.getAttribute('href')))).toEqual([
      '/units/',
      '/platforms/',
      '/verify/',
    ]);
    expect(watch).toEqual(clean);
    await page.close();
  });
});
