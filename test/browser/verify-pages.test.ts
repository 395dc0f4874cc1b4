/**
 * The verify routes and the trust posters in Chromium: every route in the list loads with no
 * console errors, no requests to other origins and no axe-core violations; the poster lists the
 * unit's active accounts with QR codes of their absolute registry addresses and prints on one A4
 * sheet; the verify page's scripts use no syntax or API the target browsers (Chrome 69 / iOS 12)
 * lack.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pngModules, qrModules } from '../helpers/png.ts';
import { CLEAN, launchChromium, watchPage, type PageWatch } from './chromium.ts';

const AXE = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
/** Where the sample site is built for (test/browser/global-setup.ts). */
const SITE = 'https://registry.example';

/** The routes of the verify tool and the posters, with what each must show once loaded. */
const ROUTES: { path: string; ready: string }[] = [
  { path: '/verify/', ready: '#verify-form' },
  { path: `/verify/?q=${encodeURIComponent('多彩东乡')}`, ready: '#verify-result[data-verdict="official"]' },
  { path: `/verify/?q=${encodeURIComponent('东乡融媒')}`, ready: '#verify-result[data-verdict="former"]' },
  { path: `/verify/?q=${encodeURIComponent('https://weibo.com/u/5304308276')}`, ready: '#verify-result[data-verdict="closed"]' },
  { path: `/verify/?q=${encodeURIComponent('多彩东乡官方')}`, ready: '#verify-result[data-verdict="impostor"]' },
  { path: `/verify/?q=${encodeURIComponent('东乡族自治县教育局')}`, ready: '#verify-result[data-verdict="lookalike"]' },
  { path: `/verify/?q=${encodeURIComponent('https://v.douyin.com/abc123/')}`, ready: '#verify-result[data-verdict="unknown"]' },
  { path: '/units/rongmeiti-zhongxin/poster/', ready: '.poster' },
  { path: '/units/jiaoyuju/poster/', ready: '.poster' },
];

/** The modules of the QR code image in `element` (.poster-qr). */
async function modules(element: Locator): Promise<string> {
  const src = await element.locator('img.qr-png').getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  return pngModules(src!);
}

let browser: Browser;
let enforced: BrowserContext;
let forAxe: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  enforced = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // axe-core is injected as a script: this context bypasses the site's CSP for it (only).
  forAxe = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
});
afterAll(async () => browser?.close());

async function open(ctx: BrowserContext, route: (typeof ROUTES)[number]): Promise<{ page: Page; watch: PageWatch }> {
  const origin = inject('siteUrl');
  const page = await ctx.newPage();
  const watch = await watchPage(page, origin);
  const response = await page.goto(`${origin}${route.path}`);
  expect(response?.status(), route.path).toBe(200);
  await page.waitForSelector(route.ready);
  return { page, watch };
}

describe('verify routes and posters', () => {
  it.each(ROUTES)('$path: no console errors, no foreign requests (CSP enforced)', async (route) => {
    const { page, watch } = await open(enforced, route);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it.each(ROUTES)('$path: no axe-core violations', async (route) => {
    const { page } = await open(forAxe, route);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const w = window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      };
      const result = await w.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations, route.path).toEqual([]);
    await page.close();
  });
});

describe('trust poster', () => {
  it("lists the unit's active accounts, each with a QR code of the registry's verify answer for it", async () => {
    const { page } = await open(enforced, { path: '/units/jiaoyuju/poster/', ready: '.poster' });
    expect(await page.textContent('h1')).toBe('东乡族自治县教育局官方账号');
    const names = await page.locator('.poster-account .poster-name').allTextContents();
    // jiaoyuju/weibo is deregistered: not on the poster.
    expect(names.length).toBeGreaterThan(0);
    expect(await page.locator('.poster-account', { hasText: '5329743744' }).count()).toBe(0);
    const accounts = await page.locator('.poster-account').all();
    for (const account of accounts) {
      const url = (await account.locator('.poster-url').textContent())!;
      expect(url).toMatch(/^https:\/\/registry\.example\/units\/jiaoyuju\/[a-z0-9-]+\/$/);
      // The code drawn is exactly the one of the verify answer for that address, with the poster's date.
      const code = `${SITE}/verify/?q=${encodeURIComponent(url)}&issued=2026-11-28`;
      expect(await modules(account.locator('.poster-qr'))).toBe(qrModules(code));
    }
    expect(await modules(page.locator('.poster-verify .poster-qr'))).toBe(qrModules(`${SITE}/verify/`));
    const warning = (await page.textContent('.poster-warning')) ?? '';
    expect(warning).toContain('谨防仿冒账号');
    expect(warning).toContain('0930-7120000');
    expect(await page.textContent('.poster-sample')).toContain('示例数据');
    await page.close();
  });

  it('prints on one A4 sheet without the site navigation, even for the unit with the most accounts', async () => {
    const origin = inject('siteUrl');
    const page = await enforced.newPage();
    await page.goto(`${origin}/units/rongmeiti-zhongxin/poster/`);
    expect(await page.locator('.poster-account').count()).toBeGreaterThanOrEqual(8);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.poster-help').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    // A4 portrait: 595 × 842 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    await page.close();
  });
});

describe('scripts for old WebViews', () => {
  it('the verify page loads only scripts without syntax or API newer than Chrome 69 / iOS 12', () => {
    const dir = inject('siteDir');
    const html = readFileSync(path.join(dir, 'verify', 'index.html'), 'utf8');
    const entry = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const assets = path.join(dir, '_astro');
    // The entry and the chunks it imports (the QR decoder is one of them, loaded on demand).
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const code = readFileSync(path.join(assets, file), 'utf8');
      for (const m of code.matchAll(/(?:from|import\()\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(m[1]!);
    };
    visit(path.basename(entry!));
    expect([...files].some((f) => f.startsWith('qr.'))).toBe(true);
    for (const file of files) {
      const code = readFileSync(path.join(assets, file), 'utf8');
      // Syntax the targets lack (optional chaining, nullish coalescing, class static blocks and
      // private fields, regexp lookbehind) and APIs they lack.
      for (const [what, re] of [
        ['optional chaining', /\?\.[a-zA-Z_$[(]/],
        ['nullish coalescing', /\?\?/],
        ['private class member', /[^\w$.]#[a-zA-Z_$][\w$]*\s*[=(;]/],
        ['regexp lookbehind', /\(\?<[=!]/],
        ['Array.prototype.at', /\.at\(-?\d/],
        ['Object.fromEntries', /Object\.fromEntries/],
        ['String.prototype.replaceAll', /\.replaceAll\(/],
        ['globalThis', /\bglobalThis\b/],
        ['structuredClone', /\bstructuredClone\b/],
      ] as const) {
        expect(re.test(code), `${what} in ${file}`).toBe(false);
      }
    }
    expect(readdirSync(assets).length).toBeGreaterThan(0);
  });
});
