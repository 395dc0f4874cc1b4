/**
 * Precompressed copies of the site's text files, for servers that send them as they are instead
 * of compressing every response: nginx's `gzip_static` and `brotli_static` (deploy/nginx/, the
 * container of deploy/Dockerfile, the workflow's rsync target). Beside `page.html`,
 * `npm run build -- --precompress` writes `page.html.gz` (gzip, level 9) and `page.html.br`
 * (Brotli) with node:zlib, after the rest of the build. GitHub Pages, CDNs and object storage
 * behind a CDN compress by themselves: a build for them has no copies and no time spent on them.
 *
 * - Only text types are compressed. Pagefind's index files (`.pf_meta`, `.pf_index`,
 *   `.pf_fragment`, `.pf_filter`, `wasm.*.pagefind`) are gzip data already, which Pagefind
 *   unpacks in the browser: compressing them again only makes them larger.
 * - Files under {@link MIN_SIZE} bytes stay as they are (the headers outweigh the saving), and
 *   so does a compressed copy that is not smaller than the file.
 * - Brotli's highest quality (11) is 30 times slower than quality 7 for about 12 % smaller pages:
 *   worth it for the style sheets and scripts every visitor loads, not for the pages and data
 *   files, of which a province has tens of thousands ({@link brotliQuality}).
 * - The output is deterministic (Node writes no timestamp into the gzip header), so two builds at
 *   the same date stay byte for byte the same.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Extensions of the files that get a `.gz` and a `.br` copy. */
const PRECOMPRESSED_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.csv', '.svg', '.txt', '.webmanifest', '.map'];

/** Files smaller than this many bytes are not compressed. */
export const MIN_SIZE = 1024;

/** Whether a file name is one the build precompresses (by extension; the size is checked apart). */
export function isPrecompressed(name: string): boolean {
  return PRECOMPRESSED_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Extensions compressed with Brotli's highest quality: the code every visitor loads, a few files. */
const BEST = new Set(['.css', '.js', '.mjs', '.svg']);

/**
 * Brotli quality for a file: the highest (11) for style sheets, scripts and icons under 1 MiB; 7
 * for pages and data (verify shards, open data, the feed), of which there are as many as the
 * registry has accounts.
 */
export function brotliQuality(name: string, size: number): number {
  return BEST.has(path.extname(name).toLowerCase()) && size < 1 << 20 ? zlib.constants.BROTLI_MAX_QUALITY : 7;
}

/**
 * Writes `file.gz` (gzip level 9) and `file.br` (Brotli) of the content `data` of `file`, each
 * only when it is smaller than the file; nothing for files under {@link MIN_SIZE} bytes or of
 * other types. Returns the bytes written of each (0: not written).
 */
function writeCompressedCopies(file: string, data: Buffer): { gzip: number; brotli: number } {
  if (data.length < MIN_SIZE || !isPrecompressed(file)) return { gzip: 0, brotli: 0 };
  const gz = zlib.gzipSync(data, { level: 9 });
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(file, data.length),
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const written = { gzip: 0, brotli: 0 };
  if (gz.length < data.length) {
    writeFileSync(`${file}.gz`, gz);
    written.gzip = gz.length;
  }
  if (br.length < data.length) {
    writeFileSync(`${file}.br`, br);
    written.brotli = br.length;
  }
  return written;
}

export interface PrecompressResult {
  /** Files that got compressed copies. */
  files: number;
  /** Bytes of those files, and of their gzip and Brotli copies. */
  bytes: { original: number; gzip: number; brotli: number };
}

/**
 * The files of `dir` and its subfolders, one folder at a time: a national registry's output has
 * hundreds of thousands of files, whose full listing would be held in memory at once. Each
 * folder is listed before its files get their copies (a listing that runs while files are added
 * may or may not include them).
 */
function* walk(dir: string): Generator<string> {
  const subfolders: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) subfolders.push(full);
    else if (entry.isFile()) yield full;
  }
  for (const sub of subfolders) yield* walk(sub);
}

/**
 * Writes `.gz` and `.br` beside every text file of `outDir` of at least {@link MIN_SIZE} bytes:
 * `npm run build -- --precompress` (or `REGISTRY_PRECOMPRESS=1`), after the build, for a server
 * that sends them as they are (deploy/nginx/). Hosts that compress by themselves (GitHub Pages,
 * CDNs) need none, and the build does not spend the time on them.
 *
 * Synchronous, one file after the other: measured on the 5,000-account synthetic registry (13,134
 * files, 87 MB), zlib's asynchronous calls on the thread pool, two or four files at a time, took
 * twice the processor time of this loop (22 s against 10 s) and no less time on the clock on a
 * two-core machine; the build runs nothing else at this point. The copies of a file depend only
 * on its content, so the order of the walk does not change the output.
 */
export function precompress(outDir: string): PrecompressResult {
  const result: PrecompressResult = { files: 0, bytes: { original: 0, gzip: 0, brotli: 0 } };
  for (const file of walk(outDir)) {
    // The copies of an earlier run are not compressed again.
    if (!isPrecompressed(file)) continue;
    const data = readFileSync(file);
    const written = writeCompressedCopies(file, data);
    result.bytes.gzip += written.gzip;
    result.bytes.brotli += written.brotli;
    if (written.gzip || written.brotli) {
      result.files++;
      result.bytes.original += data.length;
    }
  }
  return result;
}
