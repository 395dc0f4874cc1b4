/**
 * Precompressed copies (src/site/precompress.ts) on a folder shaped like a build: which files get
 * `.gz` and `.br`, that they unpack to the file, and that a second run writes the same bytes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { brotliQuality, isPrecompressed, MIN_SIZE, precompress } from '../src/site/precompress.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Text of `bytes` bytes that compresses like a page: repeated markup with varying numbers. */
function page(bytes: number): string {
  let text = '<!doctype html><html lang="zh-CN"><body>';
  for (let i = 0; text.length < bytes; i++) text += `<li><a href="/units/u${i}/">单位 ${i}</a> 账号 ${(i * 7919) % 1000}</li>\n`;
  return text.slice(0, bytes);
}

/** Bytes without redundancy (xorshift32), the same every run. */
function noise(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = 2463534242;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function site(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'registry-precompress-'));
  roots.push(dir);
  const files: Record<string, string | Buffer> = {
    'index.html': page(20_000),
    'units/a/index.html': page(5_000),
    'small/index.html': Buffer.from(page(2 * MIN_SIZE)).subarray(0, MIN_SIZE - 1),
    '_astro/global.abc123.css': 'body{margin:0;color:#222}\n'.repeat(200),
    '_astro/search.abc123.js': 'export const a=1;\n'.repeat(300),
    'data/accounts.json': JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: `u${i}/wechat`, name: `账号${i}` }))),
    'data/accounts.csv': '\uFEFFid,name\n' + Array.from({ length: 200 }, (_, i) => `u${i}/wechat,账号${i}`).join('\n'),
    'changes.xml': `<?xml version="1.0"?><feed>${'<entry><title>变更</title></entry>'.repeat(100)}</feed>`,
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0h1v1z"/>'.repeat(100)}</svg>`,
    // Pagefind's files are gzip data already.
    'pagefind/pagefind.zh_abc.pf_meta': zlib.gzipSync(page(8_000)),
    'pagefind/fragment/zh_abc.pf_fragment': zlib.gzipSync(page(8_000)),
    'pagefind/wasm.unknown.pagefind': zlib.gzipSync(Buffer.alloc(8_000, 1)),
    // Noise with a text extension: compression would not make it smaller.
    'data/noise.json': noise(4_000),
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const list = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();

describe('precompress', () => {
  it('writes .gz and .br beside text files over the threshold, and only there', () => {
    const dir = site();
    const result = precompress(dir);
    const compressed = list(dir).filter((f) => /\.(gz|br)$/.test(f));
    expect(compressed).toEqual([
      '_astro/global.abc123.css.br',
      '_astro/global.abc123.css.gz',
      '_astro/search.abc123.js.br',
      '_astro/search.abc123.js.gz',
      'changes.xml.br',
      'changes.xml.gz',
      'data/accounts.csv.br',
      'data/accounts.csv.gz',
      'data/accounts.json.br',
      'data/accounts.json.gz',
      'favicon.svg.br',
      'favicon.svg.gz',
      'index.html.br',
      'index.html.gz',
      'units/a/index.html.br',
      'units/a/index.html.gz',
    ]);
    expect(result.files).toBe(8);
    expect(result.bytes.gzip).toBeLessThan(result.bytes.original / 2);
    expect(result.bytes.brotli).toBeLessThan(result.bytes.gzip);
  });

  it('writes copies that unpack to the file itself', () => {
    const dir = site();
    precompress(dir);
    for (const file of list(dir).filter((f) => f.endsWith('.gz'))) {
      const original = readFileSync(path.join(dir, file.slice(0, -3)));
      expect(zlib.gunzipSync(readFileSync(path.join(dir, file))).equals(original), file).toBe(true);
      expect(zlib.brotliDecompressSync(readFileSync(path.join(dir, `${file.slice(0, -3)}.br`))).equals(original), file).toBe(true);
    }
  });

  it('writes the same bytes every time (no timestamp in the gzip header)', () => {
    const a = site();
    const b = site();
    precompress(a);
    precompress(b);
    for (const file of list(a).filter((f) => /\.(gz|br)$/.test(f))) {
      expect(readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))), file).toBe(true);
    }
    expect(readFileSync(path.join(a, 'index.html.gz')).readUInt32LE(4)).toBe(0);
  });

  it('run again on a folder with copies, writes the same copies and no copies of copies', () => {
    const dir = site();
    const first = precompress(dir);
    const before = new Map(list(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
    expect(precompress(dir)).toEqual(first);
    expect(list(dir)).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(readFileSync(path.join(dir, file)).equals(bytes), file).toBe(true);
  });

  it('leaves a folder without text files as it is', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'registry-precompress-'));
    roots.push(dir);
    writeFileSync(path.join(dir, 'x.pf_index'), zlib.gzipSync('x'.repeat(5000)));
    expect(precompress(dir)).toEqual({ files: 0, bytes: { original: 0, gzip: 0, brotli: 0 } });
    expect(existsSync(path.join(dir, 'x.pf_index.gz'))).toBe(false);
  });
});

describe('isPrecompressed and brotliQuality', () => {
  it('choose text types by extension, and the highest Brotli quality for style sheets and scripts only', () => {
    expect(['a.html', 'a.CSS', 'a.js', 'a.json', 'a.xml', 'a.csv', 'a.svg'].every(isPrecompressed)).toBe(true);
    expect(['a.pf_meta', 'a.pf_index', 'a.pf_fragment', 'wasm.zh.pagefind', 'a.png', 'a.gz', 'a.br', 'a.sig'].some(isPrecompressed)).toBe(
      false,
    );
    expect(brotliQuality('index.html', 10_000)).toBe(7);
    expect(brotliQuality('g12.json', 10_000)).toBe(7);
    expect(brotliQuality('global.css', 10_000)).toBe(11);
    expect(brotliQuality('search.JS', 10_000)).toBe(11);
    expect(brotliQuality('huge.js', 2 << 20)).toBe(7);
  });
});
