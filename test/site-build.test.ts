/**
 * The built site, from a small fixture registry that holds markup in its texts: every route the
 * directory owns is there, data is escaped, the CSP forbids inline scripts, only the search page
 * has JavaScript, and a build under a sub-path links under it (two builds of the same data at
 * the same date are byte for byte the same: test/reproducible.test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/lib/registry.ts';
import { buildSite } from '../src/site/build.ts';
import { AS_OF, makeFixture } from './helpers/fixture.ts';

const MARKUP = '<img src=x onerror=alert(1)>';
const roots: string[] = [];
let data: string;
let first: string;
let subpath: string;

/** Every file of a built site, by path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)));
  }
  return out;
}

async function build(base = '/', precompress = false): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-build-'));
  roots.push(root);
  const outDir = path.join(root, 'dist');
  const result = await buildSite({ dataDir: data, asOf: AS_OF, outDir, base, site: 'https://registry.example', precompress });
  // Counted as the pages are written, not from the folder: the same number.
  expect(result.pages).toBe([...files(outDir).keys()].filter((p) => p.endsWith('.html')).length);
  return outDir;
}

beforeAll(async () => {
  data = makeFixture({
    'site.yaml': (text) =>
      `${text}emblem: emblem.svg\nfooter:\n  site_code: "6229260001"\n  icp: 陇ICP备00000000号-1\n  police: 甘公网安备00000000000000号\n  sponsor: 测试县人民政府办公室\n`,
    'units/suonan-zhen/accounts/douyin.yaml': [
      'name: 锁南<b>发布</b>',
      'platform: douyin',
      'handle: dxsn_fabu',
      'url: https://www.douyin.com/user/MS4wLjABAAAAmarkup0123456789',
      'verified_as: 东乡族自治县锁南镇人民政府',
      `purpose: '发布"通知" & 公告 ${MARKUP}'`,
      'operation: self',
      'events:',
      '  - { type: opened, date: 2025-05-06, filed: 2025-05-07, note: "</script><script>alert(2)</script>" }',
      '',
    ].join('\n'),
  });
  const { ok, problems } = loadRegistry(data, { asOf: AS_OF });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(ok).toBe(true);
  first = await build();
  subpath = await build('/registry/', true);
}, 600_000);

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The HTML pages of the directory's own routes (the verify and compliance pages belong to their own tests). */
function ownPages(dir: string): [string, string][] {
  return [...files(dir)]
    .filter(([p]) => p.endsWith('.html') && !/^(verify|compliance)\//.test(p) && !/\/poster\//.test(p))
    .map(([p, b]) => [p, b.toString('utf8')]);
}

describe('the built site', () => {
  it('has every route of the directory', () => {
    const paths = new Set(files(first).keys());
    for (const p of [
      'index.html',
      '404.html',
      'search/index.html',
      'units/index.html',
      'units/jiaoyuju/index.html',
      'units/jiaoyuju/wechat/index.html',
      'units/jiaoyuju/wechat/form/index.html',
      'units/suonan-zhen/douyin/index.html',
      'platforms/index.html',
      'platforms/wechat/index.html',
      'kinds/county-department/index.html',
      'closed/index.html',
      'impostors/index.html',
      'changes/index.html',
      'changes.xml',
      'data/index.html',
      'data/accounts.json',
      'data/accounts.csv',
      'data/units.json',
      'data/impostors.json',
      'schemas/account.schema.json',
      'schemas/open-data/accounts.schema.json',
      'pagefind/pagefind.js',
    ]) {
      expect(paths.has(p), p).toBe(true);
    }
    // Pagefind's own UI kits are not shipped.
    expect([...paths].filter((p) => /pagefind-(ui|component-ui|modular-ui|highlight)/.test(p))).toEqual([]);
  });

  it('has no .gz or .br copies unless asked for them', () => {
    expect([...files(first).keys()].filter((p) => /\.(gz|br)$/.test(p))).toEqual([]);
  });

  it('with precompress, has the .gz and .br copies of every page over 1 KB, the bulk routes (written on their own thread) included', () => {
    const all = files(subpath);
    const pages = [...all.keys()].filter((p) => p.endsWith('.html') && all.get(p)!.length >= 1024);
    for (const p of ['units/jiaoyuju/wechat/index.html', 'units/jiaoyuju/wechat/form/index.html', 'units/jiaoyuju/poster/index.html']) {
      expect(pages, p).toContain(p);
    }
    for (const p of pages) {
      expect(zlib.gunzipSync(all.get(`${p}.gz`)!).equals(all.get(p)!), p).toBe(true);
      expect(zlib.brotliDecompressSync(all.get(`${p}.br`)!).equals(all.get(p)!), p).toBe(true);
    }
  });

  it('shows the header band and the footer fields site.yaml sets, with tel: and mailto: links', () => {
    const home = readFileSync(path.join(first, 'index.html'), 'utf8');
    const header = /<header class="site-header"[\s\S]*?<\/header>/.exec(home)![0];
    expect(header).toContain('<img class="emblem" src="/emblem.svg" alt="" width="40" height="40">');
    expect(header).toContain('测试县政务新媒体名录');
    const footer = /<footer class="site-footer"[\s\S]*?<\/footer>/.exec(home)![0].replace(/\s+/g, ' ');
    expect(footer).toContain('主办单位：测试县人民政府办公室');
    expect(footer).toContain('网站标识码：6229260001');
    expect(footer).toMatch(/<a href="https:\/\/beian\.miit\.gov\.cn\/" rel="noopener noreferrer"> ?陇ICP备00000000号-1 ?<\/a>/);
    expect(footer).toContain('href="https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000"');
    expect(footer).toMatch(/<a href="tel:09307120000"> ?0930-7120000 ?<\/a>/);
    expect(footer).toContain('href="mailto:office@test.example"');
  });

  it('writes a date in <time> once: no datetime attribute repeating the text (lists, account pages, feed page)', () => {
    let times = 0;
    for (const [p, html] of ownPages(first)) {
      times += html.match(/<time[ >]/g)?.length ?? 0;
      expect(/<time datetime="([^"]*)">\1<\/time>/.exec(html)?.[0], p).toBeUndefined();
    }
    expect(times).toBeGreaterThan(0);
  });

  it('escapes the data everywhere it is shown', () => {
    const page = readFileSync(path.join(first, 'units/suonan-zhen/douyin/index.html'), 'utf8');
    expect(page).toContain('锁南&lt;b&gt;发布&lt;/b&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    for (const [p, html] of ownPages(first)) {
      // Inside a quoted attribute value (the page description) markup is inert text; everywhere else it must be escaped.
      const outsideAttributes = html.replace(/"[^"]*"/g, '""');
      expect(outsideAttributes.includes(MARKUP), p).toBe(false);
      expect(outsideAttributes.includes('<b>发布'), p).toBe(false);
      expect(outsideAttributes.includes('alert(2)</script>'), p).toBe(false);
      expect(/<meta name="description" content="[^"]*"[^>]*>/.test(html) || !html.includes('name="description"'), p).toBe(true);
    }
    const feed = readFileSync(path.join(first, 'changes.xml'), 'utf8');
    expect(feed).toContain('锁南&lt;b&gt;发布&lt;/b&gt;');
    expect(feed).not.toContain('<b>');
  });

  it('sends a strict Content-Security-Policy, JavaScript only to the search and account pages, scripts inside <body>', () => {
    for (const [p, html] of [...files(first)].filter(([f]) => f.endsWith('.html')).map(([f, b]) => [f, b.toString('utf8')] as const)) {
      const body = html.slice(html.indexOf('<body'), html.lastIndexOf('</body>'));
      expect(html.match(/<script\b/g)?.length ?? 0, `${p}: every script inside <body>`).toBe(body.match(/<script\b/g)?.length ?? 0);
    }
    for (const [p, html] of ownPages(first)) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
      expect(csp, p).toBeDefined();
      const scriptSrc = csp!.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc, p).not.toContain('unsafe-inline');
      expect(csp, p).toContain("default-src 'self'");
      // The bulk pages (account, form, poster) carry no inline code: no hash lets any run.
      if (/^units\/[^/]+\/[^/]+\/(form\/)?index\.html$/.test(p)) expect(csp, p).not.toContain("'sha256-");
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      if (p === 'search/index.html' || /^units\/[^/]+\/[^/]+\/index\.html$/.test(p)) {
        expect(scripts.length).toBeGreaterThan(0);
        for (const attrs of scripts) expect(attrs, 'no inline script').toMatch(/\bsrc="/);
      } else {
        expect(scripts, p).toEqual([]);
      }
    }
  });

  it('links under its sub-path when deployed under one', () => {
    const home = readFileSync(path.join(subpath, 'index.html'), 'utf8');
    const links = [...home.matchAll(/(?:href|action|src)="([^"]+)"/g)].map((m) => m[1]!).filter((l) => l.startsWith('/'));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link, link).toMatch(/^\/registry\//);
    const search = readFileSync(path.join(subpath, 'search/index.html'), 'utf8');
    expect(search).toContain('data-base="/registry/"');
    // The verify page's script links its results under the sub-path too (src/client/verify.ts).
    const verify = readFileSync(path.join(subpath, 'verify/index.html'), 'utf8');
    const script = /<script\b[^>]*\ssrc="\/registry\/([^"]+\.js)"/.exec(verify)?.[1];
    expect(script).toBeDefined();
    expect(/["'`]\/registry\/["'`]/.test(readFileSync(path.join(subpath, script!), 'utf8')), 'the base in the bundle').toBe(true);
    const accounts = JSON.parse(readFileSync(path.join(subpath, 'data/accounts.json'), 'utf8')) as {
      accounts: { id: string; page: string }[];
    };
    expect(accounts.accounts.find((a) => a.id === 'jiaoyuju/wechat')?.page).toBe(
      'https://registry.example/registry/units/jiaoyuju/wechat/',
    );
  });
});
