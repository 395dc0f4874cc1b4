/**
 * The compliance pages and the compliance parts of the unit and account pages, on the sample
 * site (as of 2026-11-28), in Chromium: content, the units table with and without JavaScript,
 * accessible SVG charts, no console errors, no requests to other origins, and no axe-core
 * violations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GRADING_ITEMS } from '../../src/lib/compliance/grading.ts';
import { CLEAN, launchChromium, watchPage, type PageWatch } from './chromium.ts';

const AXE = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

let browser: Browser;
/** A phone-sized context under the site's own CSP: console errors include CSP violations. */
let context: BrowserContext;
/** The same, bypassing the CSP so that axe-core can be injected (used for axe runs only). */
let axeContext: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
});
afterAll(async () => browser?.close());

async function open(url: string, ctx: BrowserContext = context): Promise<{ page: Page; watch: PageWatch }> {
  const origin = inject('siteUrl');
  const page = await ctx.newPage();
  const watch = await watchPage(page, origin);
  const response = await page.goto(`${origin}${url}`);
  expect(response?.status(), url).toBe(200);
  return { page, watch };
}

/** axe-core violations (WCAG 2.1 A/AA and best practices) in the page or in one part of it. */
async function axe(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (selector) => {
    const w = window as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    };
    const result = await w.axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include ?? null);
  return violations;
}

/** axe-core violations of a page (or one part of it), opened in the CSP-bypassing context. */
async function axeOf(url: string, include?: string): Promise<string[]> {
  const { page } = await open(url, axeContext);
  const violations = await axe(page, include);
  await page.close();
  return violations;
}

describe('/compliance/', () => {
  it('shows the county figures, the problems and the impostors, with no errors and no foreign requests', async () => {
    const { page, watch } = await open('/compliance/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('政务新媒体合规通报');
    const figure = (name: string) => page.locator(`[data-figure="${name}"] .value`).textContent();
    expect(await figure('stale-fail')).toBe('3');
    expect(await figure('stale-warning')).toBe('4');
    expect(await figure('rectification-overdue')).toBe('2');
    expect(await figure('coverage')).toBe('100%');
    expect(await figure('impostors')).toBe('9');
    const zombies = await page
      .locator('[data-section="zombie"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.account));
    expect(zombies.sort()).toEqual(['bulenggou-cun/douyin', 'kaole-xiang/douyin', 'yingjiju/toutiao']);
    expect(await page.locator('[data-impostors] tbody tr').count()).toBe(9);
    expect(await page.locator('[data-impostors]').textContent()).toContain('仍在线');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('draws the trends as accessible SVG with a data table, without charting JavaScript', async () => {
    const { page } = await open('/compliance/');
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(3);
    for (const id of ['chart-problems', 'chart-rectifications', 'chart-coverage']) {
      const svg = page.locator(`#${id} > svg`);
      expect(await svg.getAttribute('role')).toBe('img');
      expect(await svg.getAttribute('aria-labelledby')).toBe(`${id}-title ${id}-desc`);
      expect(await page.locator(`#${id}-title`).textContent()).toBeTruthy();
      expect(await page.locator(`#${id}-desc`).textContent()).toContain('2026-11-23');
      expect(await page.locator(`#${id} details tbody tr`).count()).toBe(26);
    }
    // The latest week of the problems chart: 3 zombies, 4 stale.
    const lastRow = await page.locator('#chart-problems details tbody tr').last().locator('td').allTextContents();
    expect(lastRow).toEqual(['3', '4', '3']);
    await page.close();
  });

  it('sorts and filters the units table with its script', async () => {
    const { page, watch } = await open('/compliance/');
    const rows = page.locator('[data-units-table] tbody tr');
    const visible = page.locator('[data-units-table] tbody tr:not([hidden])');
    expect(await rows.count()).toBe(39);
    expect(await page.isVisible('[data-units-controls]')).toBe(true);
    expect(await page.textContent('[data-units-count]')).toBe('显示 39 个单位，共 39 个');

    await page.fill('[data-filter-text]', '考勒');
    expect(await visible.evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.unit))).toEqual(['kaole-xiang']);
    await page.fill('[data-filter-text]', '');
    await page.selectOption('[data-filter-grade]', 'fail');
    expect((await visible.evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.unit))).sort()).toEqual([
      'bulenggou-cun',
      'kaole-xiang',
      'yingjiju',
    ]);
    await page.selectOption('[data-filter-kind]', 'village');
    expect(await visible.evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.unit))).toEqual(['bulenggou-cun']);
    expect(await page.textContent('[data-units-count]')).toBe('显示 1 个单位，共 39 个');
    await page.selectOption('[data-filter-kind]', '');
    await page.selectOption('[data-filter-grade]', '');

    const score = page.locator('th:has(button.sort:text-is("得分"))');
    await score.locator('button').click();
    expect(await score.getAttribute('aria-sort')).toBe('ascending');
    const scores = await rows.evaluateAll((r) => r.map((x) => Number((x as HTMLTableRowElement).cells[6]!.dataset.value)));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBe(-1); // the unit without accounts
    await score.locator('button').click();
    expect(await score.getAttribute('aria-sort')).toBe('descending');
    expect(await rows.first().getAttribute('data-grade')).toBe('excellent');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('is complete and readable without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const { page, watch } = await open('/compliance/', noJs);
    expect(await page.locator('[data-units-table] tbody tr').count()).toBe(39);
    expect(await page.isVisible('[data-units-controls]')).toBe(false);
    expect(await page.locator('[data-units-table] button').count()).toBe(0);
    // Worst first without the script.
    expect(await page.locator('[data-units-table] tbody tr').first().getAttribute('data-grade')).toBe('fail');
    expect(await page.isVisible('#chart-problems > svg')).toBe(true);
    expect(watch).toEqual(CLEAN);
    await noJs.close();
  });

  it('has no axe-core violations', async () => {
    const { page } = await open('/compliance/', axeContext);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('/compliance/rules/ and the annual assessment', () => {
  it('prints the grading table the engine uses', async () => {
    const { page, watch } = await open('/compliance/rules/');
    expect(await page.locator('[data-grading] tbody tr').count()).toBe(GRADING_ITEMS.length);
    expect(await page.locator('[data-grading] tr[data-kind="stale-fail"]').textContent()).toContain('超过 14 天');
    expect(await page.locator('[data-grading] tr[data-kind="rectification-overdue"] .points').allTextContents()).toEqual([
      '每项扣 10 分，最多扣 40 分',
      '每项扣 10 分，最多扣 40 分',
    ]);
    expect(await page.locator('[data-grading] tr[data-kind="stale-warning"] .points').allTextContents()).toEqual([
      '每个账号扣 5 分，最多扣 20 分',
      '每次扣 5 分，最多扣 20 分',
    ]);
    expect(watch).toEqual(CLEAN);
    await page.close();
    expect(await axeOf('/compliance/rules/')).toEqual([]);
  });

  it('lists every unit for the year, with a CSV download', async () => {
    const { page, watch } = await open('/compliance/2026/');
    expect(await page.locator('[data-annual="2026"] tbody tr').count()).toBe(39);
    expect(await page.locator('[data-annual="2026"] tr[data-unit="kaole-xiang"] .grade').textContent()).toBe('不合格（单项否决）');
    const csv = await page.evaluate(async () => {
      const res = await fetch('/compliance/2026.csv');
      return new Uint8Array(await res.arrayBuffer()).slice(0, 3).join(',');
    });
    expect(csv).toBe('239,187,191');
    expect(watch).toEqual(CLEAN);
    await page.close();
    expect(await axeOf('/compliance/2026/')).toEqual([]);
  });
});

describe('unit and account pages', () => {
  it('the unit card: grade, reasons and problems with due dates', async () => {
    const { page, watch } = await open('/units/kaole-xiang/');
    const card = page.locator('.compliance-card[data-unit="kaole-xiang"]');
    expect(await card.getAttribute('data-grade')).toBe('fail');
    expect(await card.locator('.grade').textContent()).toBe('不合格（单项否决）');
    expect(await card.locator('.reasons li').allTextContents()).toEqual([
      '长期未更新（单项否决） 1 项：单项否决，评为不合格',
      '整改逾期 1 项：扣 10 分',
    ]);
    expect(await card.locator('tbody tr').evaluateAll((r) => r.map((x) => (x as HTMLElement).dataset.kind))).toEqual([
      'stale-fail',
      'rectification-overdue',
    ]);
    expect(await card.locator('td.due').first().textContent()).toBe('2026-11-16（已逾期）');
    expect(watch).toEqual(CLEAN);
    await page.close();
    expect(await axeOf('/units/kaole-xiang/', '.compliance-card')).toEqual([]);
  });

  it('the unit card shows an approved second account on one platform', async () => {
    const { page } = await open('/units/renshe-ju/');
    const card = page.locator('.compliance-card');
    expect(await card.getAttribute('data-grade')).toBe('excellent');
    expect(await card.textContent()).toContain('微信公众号 2 个');
    expect(await card.textContent()).toContain('（经批准的例外）');
    await page.close();
  });

  it.each([
    ['/units/kaole-xiang/douyin/', 'kaole-xiang/douyin', 'fail', '单项否决'],
    ['/units/dongling-xiang/wechat/', 'dongling-xiang/wechat', 'attention', '需关注'],
    ['/units/rongmeiti-zhongxin/wechat/', 'rongmeiti-zhongxin/wechat', 'ok', '正常'],
    ['/units/jiaoyuju/weibo/', 'jiaoyuju/weibo', 'closed', '已注销'],
  ])('the account status line of %s', async (url, id, level, label) => {
    const { page, watch } = await open(url);
    const status = page.locator(`.compliance-status[data-account="${id}"]`);
    expect(await status.getAttribute('data-level')).toBe(level);
    expect(await status.locator('.compliance-line .level').textContent()).toBe(label);
    expect(watch).toEqual(CLEAN);
    await page.close();
    expect(await axeOf(url, '.compliance-status')).toEqual([]);
  });
});
