/** The home page in Chromium. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, watchPage } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('home page', () => {
  it('loads in Chinese with the sample banner, no errors and no foreign requests', async () => {
    const origin = inject('siteUrl');
    const page = await browser.newPage();
    const watch = await watchPage(page, origin);
    await page.goto(`${origin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('.sample-banner')).toContain('示例数据');
    expect(watch).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [], dialogs: [] });
    await page.close();
  });
});
