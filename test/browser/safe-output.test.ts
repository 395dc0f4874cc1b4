/**
 * Safe output: the site built from the hostile registry
 * (test/fixtures/adversarial/hostile/data — it validates with warnings only, and every free-text
 * field holds script, HTML, attribute-breaking quotes, `</script>`, `<!--`, `{{ }}`, `${}` and
 * spreadsheet formulas) runs in Chromium without executing any of it. On every page and on the
 * verify and search pages with hostile queries: no dialog, no script element the build did not
 * write, no element made from data (inline handlers, iframes, `javascript:` links, `<base>`,
 * refresh), no console error, no request to another origin, and the Content-Security-Policy in
 * place. The hostile text is shown as text. The feed is well-formed XML, the open data is the
 * data, and the CSV cannot run a formula in Excel.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadRegistry } from '../../src/lib/registry.ts';
import { HOSTILE } from './global-setup.ts';
import { CLEAN, launchChromium, watchPage, type PageWatch } from './chromium.ts';
import { serveStatic, type StaticServer } from './server.ts';

const AS_OF = '2026-11-28';
/** Most pages visited (the hostile site has about 50). */
const MAX_PAGES = 300;
/** Folder of the control page (not part of the build). */
const CANARY = '__injected__';

let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const { ok, problems } = loadRegistry(HOSTILE, { asOf: AS_OF });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(ok).toBe(true);
  dist = inject('hostileDir');
  // A control page: a real page with the payloads unescaped, which the checks must catch.
  const page = readFileSync(path.join(dist, 'units', 'evil-unit', 'forum', 'index.html'), 'utf8');
  mkdirSync(path.join(dist, CANARY));
  writeFileSync(
    path.join(dist, CANARY, 'index.html'),
    page.replace('<main', '<main><img src=x onerror=alert(1)><script>alert(2)</script><iframe src="https://evil.example/"></iframe>'),
  );
  server = await serveStatic(dist);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  // The build is shared with other tests (test/browser/global-setup.ts): the control page goes again.
  if (dist) rmSync(path.join(dist, CANARY), { recursive: true, force: true });
});

/** Site paths of every built page (`/units/x/`), the 404 page included. */
function sitePaths(): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes(CANARY))
    .map((e) => `/${path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** What a page shows that data may never make: checked in the page after its scripts ran. */
interface PageState {
  csp: string | null;
  /** Script elements now in the document that the served HTML does not have. */
  addedScripts: string[];
  /** Style elements now in the document that the served HTML does not have. */
  addedStyles: string[];
  /** Elements data must never become. */
  forbidden: string[];
}

async function inspect(page: Page): Promise<PageState> {
  return page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const outer = (list: Iterable<Element>) => [...list].map((e) => e.outerHTML);
    const added = (now: string[], before: string[]) => now.filter((h) => !before.includes(h));
    const forbidden: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) forbidden.push(`${el.tagName} ${attr.name}`);
        if (
          /^\s*(javascript|data|vbscript):/i.test(attr.value) &&
          ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)
        ) {
          // The page's own images may be data: URLs (QR codes); links and frames may not.
          if (!(el.tagName === 'IMG' && attr.value.startsWith('data:image/'))) forbidden.push(`${el.tagName} ${attr.name}=${attr.value}`);
        }
        // evil.example is only ever in the hostile texts, never in a link field (a contact e-mail may be at it: mailto: is data).
        if (
          /evil\.example/.test(attr.value) &&
          !/^(mailto|tel):/i.test(attr.value) &&
          ['href', 'src', 'action', 'formaction'].includes(attr.name)
        )
          forbidden.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    for (const el of document.querySelectorAll(
      'iframe, frame, object, embed, base, meta[http-equiv="refresh" i], img[src="x"], svg[onload]',
    ))
      forbidden.push(el.outerHTML.slice(0, 120));
    return {
      csp: document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? null,
      addedScripts: added(outer(document.scripts), outer(served.scripts)),
      addedStyles: added(outer(document.querySelectorAll('style')), outer(served.querySelectorAll('style'))),
      forbidden,
    };
  });
}

/** Opens a page, lets its scripts run, and returns what it did. */
async function visit(
  sitePath: string,
  settle?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; watch: PageWatch; state: PageState }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const watch = await watchPage(page, server.origin);
  await page.goto(server.url(sitePath), { waitUntil: 'load' });
  await settle?.(page);
  // Give anything a late injection could schedule (timers, image error handlers) a moment.
  await page.waitForTimeout(100);
  const state = await inspect(page);
  return { page, watch, state };
}

/** The checks every page must pass (`status404`: the page itself is the 404 page, which the browser logs). */
function expectSafe(sitePath: string, watch: PageWatch, state: PageState, { status404 = false } = {}): void {
  const consoleErrors = status404 ? watch.consoleErrors.filter((e) => !/status of 404/.test(e)) : watch.consoleErrors;
  expect({ ...watch, consoleErrors }, sitePath).toEqual(CLEAN);
  expect(state.addedScripts, sitePath).toEqual([]);
  expect(state.addedStyles, sitePath).toEqual([]);
  expect(state.forbidden, sitePath).toEqual([]);
  expect(state.csp, `${sitePath}: CSP meta`).toBeTruthy();
  const scriptSrc = /script-src ([^;]*)/.exec(state.csp!)?.[1] ?? /default-src ([^;]*)/.exec(state.csp!)?.[1] ?? '';
  expect(scriptSrc, sitePath).toContain("'self'");
  expect(scriptSrc, sitePath).not.toContain("'unsafe-inline'");
  expect(scriptSrc, sitePath).not.toContain("'unsafe-eval'");
  expect(scriptSrc, sitePath).not.toMatch(/(^|\s)(\*|https?:|data:)(\s|$)/);
}

describe('every page of the site built from the hostile registry', () => {
  it('has pages to visit, each an HTML file of the build', () => {
    const paths = sitePaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/units/evil-unit/', '/units/evil-unit/forum/', '/impostors/', '/verify/', '/search/', '/404.html']),
    );
  });

  it('runs no injected script, adds no element, requests nothing elsewhere and keeps the CSP', async () => {
    const paths = sitePaths().slice(0, MAX_PAGES);
    for (const sitePath of paths) {
      const { page, watch, state } = await visit(sitePath);
      expectSafe(sitePath, watch, state);
      await page.close();
    }
  }, 300_000);

  it('would notice markup that got through (a page with the payloads unescaped)', async () => {
    const { page: tab, watch, state } = await visit(`/${CANARY}/`);
    expect(() => expectSafe(`/${CANARY}/`, watch, state)).toThrow();
    // The CSP is the second line: the handler, the script and the frame are all blocked, and say so.
    expect(watch.dialogs).toEqual([]);
    expect(watch.consoleErrors.filter((e) => /Content Security Policy/.test(e)).length).toBeGreaterThanOrEqual(3);
    expect(watch.consoleErrors.some((e) => /^Framing 'https:\/\/evil\.example\/'/.test(e))).toBe(true);
    expect(state.forbidden).toEqual(expect.arrayContaining(['IMG onerror', 'IFRAME src=https://evil.example/']));
    await tab.close();
  });

  it('shows the hostile text as text', async () => {
    const { page, watch, state } = await visit('/units/evil-unit/forum/');
    expectSafe('/units/evil-unit/forum/', watch, state);
    const text = (await page.textContent('main')) ?? '';
    for (const shown of [
      '<script>alert(1)</script>论坛',
      '"><img src=x onerror=alert(3)>',
      "'><svg onload=alert(4)>",
      '{{ 7*7 }} ${alert(5)}',
      '<!-- -->',
      '</script><script>alert(2)</script>',
    ]) {
      expect(text, shown).toContain(shown);
    }
    expect(await page.title()).toContain('<script>alert(1)</script>论坛');
    await page.close();
  });
});

describe('hostile queries', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    'javascript:alert(1)',
    '</script><script>alert(1)</script>',
    '{{constructor.constructor("alert(1)")()}}',
    '东乡\u202e教育\u200b',
    `https://weibo.com/u/5123456789?"><script>alert(1)</script>`,
    `${'<b>'.repeat(300)}x`,
  ];

  it.each(payloads.map((p) => [p.slice(0, 40), p]))('/verify/?q=%s', async (_, payload) => {
    const sitePath = `/verify/?q=${encodeURIComponent(payload)}`;
    const { page, watch, state } = await visit(sitePath, (p) => p.waitForSelector('#verify-result[data-verdict]'));
    expectSafe(sitePath, watch, state);
    expect(['official', 'former', 'closed', 'impostor', 'lookalike', 'unknown']).toContain(
      await page.getAttribute('#verify-result', 'data-verdict'),
    );
    expect(await page.inputValue('#verify-q')).toBe(payload.slice(0, 2000));
    await page.close();
  });

  it('/verify/ finds the official account whose handle is markup, and shows it as text', async () => {
    const sitePath = `/verify/?q=${encodeURIComponent('<script>alert(1)</script>')}`;
    const { page, watch, state } = await visit(sitePath, (p) => p.waitForSelector('#verify-result[data-verdict]'));
    expectSafe(sitePath, watch, state);
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('official');
    expect(await page.textContent('#verify-result')).toContain('<script>alert(1)</script>论坛');
    await page.close();
  });

  it.each(['alert', '<script>', '"><img', '论坛'])('/search/?q=%s lists hostile names as text', async (query) => {
    const sitePath = `/search/?q=${encodeURIComponent(query)}`;
    const { page, watch, state } = await visit(sitePath, (p) =>
      p.waitForFunction(() => {
        const status = document.querySelector('.search-status')?.textContent ?? '';
        return status !== '正在搜索…' && (status !== '' || (document.querySelector('.search-results')?.childElementCount ?? 0) > 0);
      }),
    );
    expectSafe(sitePath, watch, state);
    if (query === '论坛') expect(await page.textContent('.search-results')).toContain('<script>alert(1)</script>论坛');
    await page.close();
  });

  it('an unknown path with markup gets the 404 page, safely', async () => {
    const sitePath = `/${encodeURIComponent('<script>alert(1)</script>')}/`;
    const { page, watch, state } = await visit(sitePath);
    expectSafe(sitePath, watch, state, { status404: true });
    expect(watch.consoleErrors.length).toBeGreaterThan(0);
    expect(await page.textContent('h1')).toBeTruthy();
    await page.close();
  });
});

describe('the other published files', () => {
  it('the Atom feed is well-formed XML holding the hostile names as text', async () => {
    const page = await browser.newPage();
    const watch = await watchPage(page, server.origin);
    await page.goto(server.url('/'));
    const parsed = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/changes.xml')).text(), 'application/xml');
      return {
        error: xml.querySelector('parsererror')?.textContent ?? null,
        titles: [...xml.querySelectorAll('entry > title')].map((t) => t.textContent ?? ''),
      };
    });
    expect(parsed.error).toBeNull();
    expect(parsed.titles.some((t) => t.includes('<script>alert(1)</script>论坛'))).toBe(true);
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('the open data holds the data unchanged', () => {
    const accounts = JSON.parse(readFileSync(path.join(dist, 'data', 'accounts.json'), 'utf8')) as {
      accounts: { id: string; name: string; purpose: string }[];
    };
    const registry = loadRegistry(HOSTILE, { asOf: AS_OF }).registry!;
    for (const a of accounts.accounts) {
      expect(a.name).toBe(registry.accountById.get(a.id)!.name);
      expect(a.purpose).toBe(registry.accountById.get(a.id)!.purpose);
    }
  });

  it('no cell of the CSV files starts a formula', () => {
    const csvs = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    const hostile = readFileSync(path.join(dist, 'data', 'accounts.csv'), 'utf8');
    expect(hostile).toContain('HYPERLINK');
    for (const e of csvs) {
      const text = readFileSync(path.join(e.parentPath, e.name), 'utf8').replace(/^\uFEFF/, '');
      // Split into cells (quoted cells may hold commas, quotes and line breaks).
      for (const m of text.matchAll(/(?:^|,|\r?\n)("(?:[^"]|"")*"|[^,\r\n]*)/g)) {
        const cell = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
        if (/^="[^"]*"$/.test(cell)) continue; // a long number kept as text: ="0123…"
        expect(cell, `${e.name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });
});
