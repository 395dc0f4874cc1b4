/**
 * `npm run screenshots [-- --as-of YYYY-MM-DD] [--site DIR] [--out DIR]`: pictures of the main
 * pages as a citizen sees them in WeChat on a phone, at 390 px and 320 px wide, written as PNG to
 * `docs/screenshots/` (committed, so reviewers see the site without building it). Builds the
 * sample registry into a temporary folder (or uses a built site given with `--site`), serves it
 * on loopback and drives Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`) with playwright-core.
 * Each picture is one phone screen (the first, or the one starting at a part of the page worth
 * seeing, such as a stacked table), to keep the files small.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, PROJECT_ROOT } from '../src/site/build.ts';
import { launchChromium } from '../test/browser/chromium.ts';
import { WECHAT_UA } from '../test/browser/layout.ts';
import { serveStatic } from '../test/browser/server.ts';

/** The pages pictured: file name (without width), path, and the element the screen starts at (default: the top). */
export const SCREENSHOT_PAGES: readonly [name: string, path: string, at?: string][] = [
  ['home', '/'],
  ['verify', '/verify/?q=%E5%94%90%E6%B1%AA%E5%8F%91%E5%B8%83'],
  ['search', '/search/?q=%E9%94%81%E5%8D%97'],
  ['units', '/units/'],
  ['unit', '/units/tangwang-zhen/'],
  ['account', '/units/tangwang-zhen/douyin/'],
  ['account-closed', '/units/jiaoyuju/weibo/'],
  ['form', '/units/tangwang-zhen/douyin/form/'],
  ['closed', '/closed/', '.entries'],
  ['poster', '/units/tangwang-zhen/poster/'],
  ['impostors', '/impostors/'],
  ['compliance', '/compliance/'],
  ['compliance-issues', '/compliance/', '.issue-table'],
  ['unit-compliance', '/units/kaole-xiang/', '.compliance-card'],
  ['compliance-year', '/compliance/2026/'],
  ['compliance-units', '/compliance/units/'],
];
export const SCREENSHOT_WIDTHS = [390, 320] as const;
/** Height of a phone screen in CSS pixels (WeChat's page area on a 390 × 844 phone). */
const SCREEN_HEIGHT = 760;

const { values } = parseArgs({
  options: { 'as-of': { type: 'string' }, site: { type: 'string' }, out: { type: 'string' } },
  strict: true,
});
const out = path.resolve(values.out ?? path.join(PROJECT_ROOT, 'docs', 'screenshots'));
let temp: string | undefined;
let siteDir = values.site ? path.resolve(values.site) : undefined;
if (!siteDir) {
  temp = mkdtempSync(path.join(os.tmpdir(), 'registry-screenshots-'));
  siteDir = path.join(temp, 'dist');
  const built = await buildSite({ dataDir: path.join(PROJECT_ROOT, 'data'), asOf: values['as-of'], outDir: siteDir, base: '/' });
  console.log(`已生成示例网站（数据截至 ${built.asOf}）`);
}
const server = await serveStatic(siteDir);
const browser = await launchChromium();
try {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (f.endsWith('.png')) rmSync(path.join(out, f));
  for (const width of SCREENSHOT_WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height: SCREEN_HEIGHT },
      userAgent: WECHAT_UA,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
    });
    for (const [name, sitePath, at] of SCREENSHOT_PAGES) {
      const page = await context.newPage();
      await page.goto(server.url(sitePath), { waitUntil: 'networkidle' });
      if (sitePath.startsWith('/search/')) await page.locator('.search-results > *').first().waitFor();
      if (sitePath.startsWith('/verify/?q=')) await page.locator('[data-verdict]').first().waitFor();
      const top = at ? Math.max(0, Math.floor((await page.locator(at).first().boundingBox())!.y) - 8) : 0;
      const height = Math.min(SCREEN_HEIGHT, (await page.evaluate(() => document.documentElement.scrollHeight)) - top);
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top, width, height } });
      console.log(`${path.relative(process.cwd(), file)}  ${width}×${height}  ${Math.round(statSync(file).size / 1024)} KB`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
}
