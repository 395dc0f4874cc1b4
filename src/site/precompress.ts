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
 *   worth it for the style sheets, scripts and data every visitor loads, not for the pages, of
 *   which a province has tens of thousands, nor for the open data files ({@link brotliQuality}).
 * - The output is deterministic (Node writes no timestamp into the gzip header), so two builds at
 *   the same date stay byte for byte the same.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Extensions of the files that get a `.gz` and a `.br` copy. */
export const PRECOMPRESSED_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.csv', '.svg', '.txt', '.webmanifest', '.map'];

/** Files smaller than this many bytes are not compressed. */
export const MIN_SIZE = 1024;

export interface PrecompressResult {
  /** Files that got compressed copies. */
  files: number;
  /** Bytes of those files, and of their gzip and Brotli copies. */
  bytes: { original: number; gzip: number; brotli: number };
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Whether a file name is one the build precompresses (by extension; the size is checked apart). */
export function isPrecompressed(name: string): boolean {
  return PRECOMPRESSED_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/**
 * Brotli quality for a file: the highest (11) for style sheets, scripts and data under 1 MiB; 7
 * for pages (`.html`) and for the large open-data files, which grow with the registry.
 */
export function brotliQuality(name: string, size: number): number {
  return path.extname(name).toLowerCase() === '.html' || size >= 1 << 20 ? 7 : zlib.constants.BROTLI_MAX_QUALITY;
}

/** Writes `.gz` and `.br` beside every text file of `outDir` of at least {@link MIN_SIZE} bytes. */
export async function precompress(outDir: string): Promise<PrecompressResult> {
  const files = readdirSync(outDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && isPrecompressed(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const result: PrecompressResult = { files: 0, bytes: { original: 0, gzip: 0, brotli: 0 } };
  let next = 0;
  // zlib's asynchronous calls run on libuv's thread pool (4 threads by default): a few at a time
  // keep it busy without holding every file in memory at once.
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = readFileSync(file);
      if (data.length < MIN_SIZE) continue;
      const [gz, br] = await Promise.all([
        gzip(data, { level: 9 }),
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(file, data.length),
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
      ]);
      let written = false;
      if (gz.length < data.length) {
        writeFileSync(`${file}.gz`, gz);
        result.bytes.gzip += gz.length;
        written = true;
      }
      if (br.length < data.length) {
        writeFileSync(`${file}.br`, br);
        result.bytes.brotli += br.length;
        written = true;
      }
      if (written) {
        result.files++;
        result.bytes.original += data.length;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return result;
}
