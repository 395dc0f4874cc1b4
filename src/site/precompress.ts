/**
 * Precompressed copies of the site's text files, for servers that send them as they are instead
 * of compressing every response: nginx's `gzip_static` and `brotli_static` (deploy/nginx/), most
 * CDNs and object storage behind one. Beside `page.html` the build writes `page.html.gz` (gzip,
 * level 9) and `page.html.br` (Brotli) with node:zlib.
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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPrecompressed, writeCompressedCopies } from './workers/compress.mjs';

export { brotliQuality, isPrecompressed, MIN_SIZE, PRECOMPRESSED_EXTENSIONS } from './workers/compress.mjs';

export interface PrecompressResult {
  /** Files that got compressed copies. */
  files: number;
  /** Bytes of those files, and of their gzip and Brotli copies. */
  bytes: { original: number; gzip: number; brotli: number };
}

/**
 * Writes `.gz` and `.br` beside every text file of `outDir` of at least {@link MIN_SIZE} bytes,
 * except the files in `done`: the bulk routes' pages, which their writer thread compressed as it
 * wrote them (src/site/bulk.ts), beside Astro's rendering instead of after it.
 *
 * Synchronous, one file after the other: measured on the 5,000-account synthetic registry (13,134
 * files, 87 MB), zlib's asynchronous calls on the thread pool, two or four files at a time, took
 * twice the processor time of this loop (22 s against 10 s) and no less time on the clock on a
 * two-core machine; the build runs nothing else at this point.
 */
export function precompress(outDir: string, done: ReadonlySet<string> = new Set()): PrecompressResult {
  const files = readdirSync(outDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && isPrecompressed(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !done.has(file))
    .sort();
  const result: PrecompressResult = { files: 0, bytes: { original: 0, gzip: 0, brotli: 0 } };
  for (const file of files) {
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
