/**
 * The verify page in Chromium at 390 px with a WeChat user agent, on the sample site: this
 * site's own account and form links (current origin, configured address, deployment address,
 * tracking parameters), filing numbers in any spelling, a former name an impostor now uses, a
 * homophone and a 形近字 look-alike, a poster's QR code photographed from the rendered poster,
 * and the next step within the first screen for every verdict.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN, launchChromium, watchPage, type PageWatch } from './chromium.ts';

const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 ' +
  'Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const VIEWPORT = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function newPage(): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: VIEWPORT, userAgent: WECHAT_UA, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const watch = await watchPage(page, inject('siteUrl'));
  return { page, watch };
}

async function ask(query: string, extra = ''): Promise<{ page: Page; watch: PageWatch; verdict: string | null; text: string }> {
  const { page, watch } = await newPage();
  await page.goto(`${inject('siteUrl')}/verify/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForSelector('#verify-result[data-verdict]');
  return {
    page,
    watch,
    verdict: await page.getAttribute('#verify-result', 'data-verdict'),
    text: (await page.textContent('#verify-result')) ?? '',
  };
}

describe("this site's own links", () => {
  it.each([
    [
      'the current origin, with tracking parameters',
      (o: string) => `${o}/units/rongmeiti-zhongxin/wechat/?utm_source=wechat&from=timeline&isappinstalled=0`,
    ],
    ['the configured address, the filing form', () => 'https://xmt.dongxiang.example/units/rongmeiti-zhongxin/wechat/form/'],
    ['the deployment address (SITE)', () => 'https://registry.example/units/rongmeiti-zhongxin/wechat/'],
  ])("%s gives the account's verdict", async (_, url) => {
    const { page, watch, verdict, text } = await ask(url(inject('siteUrl')));
    expect(verdict).toBe('official');
    expect(text).toContain('「多彩东乡」是东乡族自治县融媒体中心在微信公众号上备案的官方账号');
    expect(text).toContain('你给出的名录网站上的账号页面链接与名录中这个账号的登记一致。');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('the page of a deregistered account says it is closed', async () => {
    const { page, verdict } = await ask('https://registry.example/units/jiaoyuju/weibo/');
    expect(verdict).toBe('closed');
    await page.close();
  });

  it("a poster's QR code, photographed from the rendered poster, opens the account's verdict with the poster date", async () => {
    const { page: poster } = await newPage();
    await poster.goto(`${inject('siteUrl')}/units/rongmeiti-zhongxin/poster/`);
    const png = await poster.locator('.poster-account .poster-qr').first().screenshot();
    const name = await poster.locator('.poster-account .poster-name').first().textContent();
    await poster.close();
    const { page, watch } = await newPage();
    await page.goto(`${inject('siteUrl')}/verify/`);
    await page.setInputFiles('#verify-qr-file', { name: 'poster.png', mimeType: 'image/png', buffer: png });
    await page.waitForSelector('#verify-result[data-verdict]', { timeout: 30_000 });
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('official');
    const text = (await page.textContent('#verify-result')) ?? '';
    expect(text).toContain('二维码内容：https://registry.example/verify/?q=');
    expect(text).toContain(`「${name}」`);
    expect(text).toMatch(/这张海报印制于 2026 年 11 月 28 日/);
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('a poster printed before the account changed warns', async () => {
    const { page, verdict, text } = await ask('https://registry.example/units/rongmeiti-zhongxin/douyin/', '&issued=2024-05-01');
    expect(verdict).toBe('official');
    expect(text).toContain('这张海报印制于 2024 年 5 月 1 日，之后账号有变更（2025 年 4 月 21 日）');
    await page.close();
  });
});

describe('filing numbers', () => {
  it.each(['622926-2016-0005', '６２２９２６－２０１６－０００５', '备案编号：62292620160005', '622926 2016 0005'])(
    '%s is 多彩东乡',
    async (q) => {
      const { page, verdict, text } = await ask(q);
      expect(verdict).toBe('official');
      expect(text).toContain('你给出的备案编号与名录中这个账号的登记一致。');
      expect(text).toContain('622926-2016-0005');
      await page.close();
    },
  );

  it('an unknown number says it proves nothing', async () => {
    const { page, verdict, text } = await ask('622926-2026-9999');
    expect(verdict).toBe('unknown');
    expect(text).toContain('名录中没有这个备案编号');
    await page.close();
  });
});

describe('former names and Chinese look-alikes', () => {
  it('a former name an impostor now uses', async () => {
    const { page, verdict, text } = await ask('锁南镇政府');
    expect(verdict).toBe('impostor');
    expect(text).toContain('「锁南镇政府」是官方账号的曾用名');
    expect(text).toContain('如果现在有账号使用这个名称，它不是官方账号。');
    expect(await page.locator('#verify-result a[href="/units/suonan-zhen/wechat/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a former name nobody uses', async () => {
    const { page, verdict, text } = await ask('春台乡政府');
    expect(verdict).toBe('former');
    expect(text).toContain('这是官方账号的曾用名；如果现在有账号使用这个名称，它不是官方账号。');
    await page.close();
  });

  it.each([
    ['东香发布', '「香」冒充「乡」（同音 xiāng）'],
    ['车乡发布', '「车」冒充「东」（形近字）'],
  ])('%s is a look-alike and the verdict names the trick', async (q, trick) => {
    const { page, verdict, text } = await ask(q);
    expect(verdict).toBe('lookalike');
    expect(text).toContain('看到的手法');
    expect(text).toContain(trick);
    await page.close();
  });

  it('the registered homophone and 形近字 impostors are impostors', async () => {
    for (const q of ['冬乡发布', '塘汪发布']) {
      const { page, verdict } = await ask(q);
      expect(verdict).toBe('impostor');
      await page.close();
    }
  });
});

describe('on a phone', () => {
  it.each([
    ['duocaidongxiang', 'official'],
    ['多彩东乡', 'official'],
    ['东乡融媒', 'former'],
    ['https://weibo.com/u/5329743744', 'closed'],
    ['duocaidx_gf', 'impostor'],
    ['东乡发布官方', 'lookalike'],
    ['东香发布', 'lookalike'],
    ['完全不相干的名字', 'unknown'],
    ['东乡', 'unknown'],
  ])('%s (%s): the next step is within the first screen', async (q, expected) => {
    const { page, verdict } = await ask(q);
    expect(verdict).toBe(expected);
    const box = await page.locator('#verify-result .verify-next').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
    await page.close();
  });

  it('a query of spaces and a 2,000-character query', async () => {
    const empty = await ask('   ');
    expect(await empty.page.textContent('#verify-result h2')).toBe('没有输入要核验的内容');
    await empty.page.close();
    // Typed (a 2,000-character address is longer than some servers accept).
    const long = await newPage();
    await long.page.goto(`${inject('siteUrl')}/verify/`);
    await long.page.fill('#verify-q', '完全不相干'.repeat(400));
    await long.page.click('#verify-form button[type=submit]');
    await long.page.waitForSelector('#verify-result[data-verdict]');
    const text = (await long.page.textContent('#verify-result')) ?? '';
    expect(text).toContain('（共 2000 字，已省略后面部分）');
    expect(text.length).toBeLessThan(2500);
    await long.page.close();
  });

  it('a short general query gets guidance', async () => {
    const { page, text } = await ask('东乡');
    expect(await page.textContent('#verify-result h2')).toBe('查询太笼统，请输入完整的名称或账号 ID');
    expect(text).not.toContain('很可能不是官方账号');
    await page.close();
  });
});
