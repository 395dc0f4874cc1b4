/**
 * The built sample site behind the real nginx with the repository's configuration (deploy/nginx/):
 * security headers, content types, cache lifetimes, the precompressed gzip and Brotli files
 * `npm run build -- --precompress` writes, the 404 page, and search and verify working in
 * Chromium under its headers.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_SIZE, isPrecompressed, precompress } from '../../src/site/precompress.ts';
import { launchChromium, watchPage } from './chromium.ts';
import { type Nginx, startNginx } from './nginx.ts';

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let root: string;
let site: string;
let nginx: Nginx;
let browser: Browser;

/** A GET with the given Accept-Encoding; the body as sent (not decompressed). */
function get(pathname: string, encoding = 'identity'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${nginx.origin}${pathname}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

/** The page whose precompressed copies are taken away again: nginx compresses it as it sends it. */
const NOT_PRECOMPRESSED = 'units/index.html';

const file = (rel: string) => readFileSync(path.join(site, rel));
const first = (dir: string, pattern: RegExp) => {
  const name = readdirSync(path.join(site, dir)).find((f) => pattern.test(f));
  if (!name) throw new Error(`no ${pattern} in ${dir}`);
  return `${dir}/${name}`;
};

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'registry-nginx-'));
  // nginx's workers read the files as an unprivileged user.
  chmodSync(root, 0o755);
  site = path.join(root, 'site');
  cpSync(inject('siteDir'), site, { recursive: true });
  // What `npm run build -- --precompress` adds for nginx; one page stands for a build without it.
  precompress(site);
  for (const ext of ['.gz', '.br']) rmSync(path.join(site, NOT_PRECOMPRESSED + ext));
  // Files a deployment holds besides the build's own: the public key, a signature of the open data
  // and the machine-readable list (written by the build when a signing key is configured), a
  // WebAssembly file, and a stray .git.
  mkdirSync(path.join(site, '.well-known', 'gov-newmedia-registry'), { recursive: true });
  writeFileSync(path.join(site, '.well-known', 'gov-newmedia-registry', 'accounts.json'), '{"accounts":[]}\n');
  writeFileSync(path.join(site, '.well-known', 'allowed_signers'), 'registry@example namespaces="file" ssh-ed25519 AAAAexample\n');
  writeFileSync(path.join(site, 'data', 'allowed_signers'), 'registry@example namespaces="file" ssh-ed25519 AAAAexample\n');
  writeFileSync(path.join(site, 'data', 'accounts.json.sig'), '-----BEGIN SSH SIGNATURE-----\nexample\n-----END SSH SIGNATURE-----\n');
  writeFileSync(path.join(site, 'module.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  mkdirSync(path.join(site, '.git'), { recursive: true });
  writeFileSync(path.join(site, '.git', 'config'), '[core]\n');
  nginx = await startNginx(path.join(root, 'nginx'), site);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the build', () => {
  it('writes .gz and .br beside every text file above the threshold', () => {
    const missing: string[] = [];
    let count = 0;
    for (const e of readdirSync(site, { recursive: true, withFileTypes: true })) {
      const full = path.join(e.parentPath, e.name);
      if (!e.isFile() || !isPrecompressed(e.name) || readFileSync(full).length < MIN_SIZE) continue;
      if (path.relative(site, full) === NOT_PRECOMPRESSED) continue;
      count++;
      for (const ext of ['.gz', '.br'])
        if (!readdirSync(e.parentPath).includes(e.name + ext)) missing.push(path.relative(site, full) + ext);
    }
    expect(count).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('gives every page its own script and style policy without unsafe-inline (the header leaves those to the page)', () => {
    const pages = readdirSync(site, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(300);
    for (const e of pages) {
      const html = readFileSync(path.join(e.parentPath, e.name), 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
      const rel = path.relative(site, path.join(e.parentPath, e.name));
      expect(csp, rel).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(csp, rel).toMatch(/style-src 'self'/);
      expect(csp, rel).not.toContain('unsafe-inline');
    }
  });
});

describe('nginx with deploy/nginx/', () => {
  it('sends the security headers on pages, assets, data and errors', async () => {
    for (const p of ['/', '/verify/', '/_astro/', '/data/accounts.json', '/no-such-page/']) {
      const { headers } = await get(p);
      const csp = String(headers['content-security-policy']);
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("object-src 'none'");
      expect(csp, p).toContain("base-uri 'self'");
      expect(csp, p).not.toContain('unsafe-inline');
      expect(csp, p).not.toMatch(/https?:/);
      expect(headers['x-content-type-options'], p).toBe('nosniff');
      expect(headers['referrer-policy'], p).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], p).toContain('camera=()');
      expect(headers['x-frame-options'], p).toBe('DENY');
      expect(headers.server, p).toBe('nginx');
    }
  });

  it('serves each kind of file with its type and cache lifetime', async () => {
    const css = first('_astro', /\.css$/);
    const js = first('_astro', /\.js$/);
    const meta = first('pagefind', /\.pf_meta$/);
    const fragment = first('pagefind/fragment', /\.pf_fragment$/);
    const index = first('pagefind/index', /\.pf_index$/);
    const wasm = first('pagefind', /^wasm\..*\.pagefind$/);
    const shard = first(first('verify', /^[0-9a-f]+$/), /\.json$/);
    const short = 'public, max-age=300';
    const long = 'public, max-age=31536000, immutable';
    const cases: [string, string, string][] = [
      ['/', 'text/html; charset=utf-8', short],
      ['/units/jiaoyuju/wechat/', 'text/html; charset=utf-8', short],
      [`/${css}`, 'text/css; charset=utf-8', long],
      [`/${js}`, 'application/javascript; charset=utf-8', long],
      ['/pagefind/pagefind.js', 'application/javascript; charset=utf-8', short],
      ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8', short],
      [`/${meta}`, 'application/octet-stream', long],
      [`/${fragment}`, 'application/octet-stream', long],
      [`/${index}`, 'application/octet-stream', long],
      [`/${wasm}`, 'application/octet-stream', short],
      [`/${shard}`, 'application/json; charset=utf-8', long],
      ['/changes.xml', 'application/atom+xml; charset=utf-8', short],
      ['/data/accounts.csv', 'text/csv; charset=utf-8', short],
      ['/data/accounts.json', 'application/json; charset=utf-8', short],
      ['/data/accounts.json.sig', 'text/plain; charset=utf-8', short],
      ['/.well-known/allowed_signers', 'text/plain; charset=utf-8', short],
      ['/.well-known/gov-newmedia-registry/accounts.json', 'application/json; charset=utf-8', short],
      ['/data/allowed_signers', 'text/plain; charset=utf-8', short],
      ['/module.wasm', 'application/wasm', short],
      ['/favicon.svg', 'image/svg+xml; charset=utf-8', short],
    ];
    for (const [p, type, cache] of cases) {
      const res = await get(p);
      expect([res.status, res.headers['content-type'], res.headers['cache-control']], p).toEqual([200, type, cache]);
      const rel = decodeURI(p).replace(/\/$/, '/index.html').slice(1);
      expect(res.body.equals(file(rel)), p).toBe(true);
    }
  });

  it("sends the build's Brotli or gzip file by the browser's Accept-Encoding, and the file itself otherwise", async () => {
    for (const p of ['/', '/search/', '/data/accounts.csv', '/changes.xml', `/${first('_astro', /\.js$/)}`]) {
      const rel = p.replace(/\/$/, '/index.html').slice(1);
      const br = await get(p, 'gzip, deflate, br');
      expect(br.headers['content-encoding'], p).toBe('br');
      expect(br.headers.vary, p).toBe('Accept-Encoding');
      expect(br.body.equals(file(`${rel}.br`)), p).toBe(true);
      expect(zlib.brotliDecompressSync(br.body).equals(file(rel)), p).toBe(true);
      const gz = await get(p, 'gzip');
      expect(gz.headers['content-encoding'], p).toBe('gzip');
      expect(zlib.gunzipSync(gz.body).equals(file(rel)), p).toBe(true);
      const plain = await get(p);
      expect(plain.headers['content-encoding'], p).toBeUndefined();
      expect(plain.body.equals(file(rel)), p).toBe(true);
    }
    // Pagefind's files are gzip data that Pagefind unpacks itself: never a Content-Encoding.
    const meta = await get(`/${first('pagefind', /\.pf_meta$/)}`, 'gzip, br');
    expect(meta.headers['content-encoding']).toBeUndefined();
    expect(zlib.gunzipSync(meta.body).length).toBeGreaterThan(0);
  });

  it('compresses a page the build did not precompress as it sends it (a build without --precompress)', async () => {
    const gz = await get('/units/', 'gzip, br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(zlib.gunzipSync(gz.body).equals(file(NOT_PRECOMPRESSED))).toBe(true);
  });

  it("answers an unknown address with the site's 404 page, and never serves dot-folders", async () => {
    for (const p of ['/no-such-page/', '/units/no-such-unit/', '/.git/config', '/_astro/']) {
      const res = await get(p, 'br');
      expect(res.status, p).toBe(404);
      expect(res.headers['content-type'], p).toBe('text/html; charset=utf-8');
      expect(zlib.brotliDecompressSync(res.body).toString(), p).toContain('页面不存在');
    }
  });

  it('redirects a folder address without its slash relatively (right behind any proxy or port mapping)', async () => {
    const res = await get('/units');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/units/');
  });

  it('logs no errors but the requests for missing files', () => {
    const lines = nginx
      .errorLog()
      .split('\n')
      .filter((l) => l.trim() && !/open\(\) ".*" failed \(2: No such file or directory\)/.test(l));
    expect(lines).toEqual([]);
  });
});

describe('Chromium through nginx', () => {
  it('searches, verifies and shows the compliance pages with no CSP violation or foreign request', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const watch = await watchPage(page, nginx.origin);
    const encodings: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/search/')) encodings.push(r.headers()['content-encoding'] ?? 'identity');
    });

    await page.goto(`${nginx.origin}/search/`);
    await page.locator('#q').fill('锁南');
    await page.locator('.search-results a', { hasText: '锁南发布' }).first().waitFor();

    await page.goto(
      `${nginx.origin}/verify/?q=${encodeURIComponent('https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzkwMDU0MzUzOQ==')}`,
    );
    await page.waitForSelector('#verify-result[data-verdict]');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('official');
    expect(await page.textContent('#verify-result')).toContain('多彩东乡');

    // The compliance pages run Astro's inline scripts, allowed by their hashes in the page's policy.
    await page.goto(`${nginx.origin}/compliance/units/`);
    await page.waitForLoadState('networkidle');

    expect(encodings.length).toBe(1);
    expect(['gzip', 'br']).toContain(encodings[0]);
    expect(watch).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [], dialogs: [] });
    await page.close();
  });
});
