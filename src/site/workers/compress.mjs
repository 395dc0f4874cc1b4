// @ts-check
/**
 * The precompressed copies of one file (see src/site/precompress.ts): what gets them and how they
 * are made. Plain JavaScript, so that the writer thread of the bulk routes
 * (src/site/workers/write.mjs) compresses the pages it writes with exactly the same settings.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Extensions of the files that get a `.gz` and a `.br` copy. */
export const PRECOMPRESSED_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.csv', '.svg', '.txt', '.webmanifest', '.map'];

/** Files smaller than this many bytes are not compressed. */
export const MIN_SIZE = 1024;

/** Whether a file name is one the build precompresses (by extension; the size is checked apart). */
export function isPrecompressed(/** @type {string} */ name) {
  return PRECOMPRESSED_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Extensions compressed with Brotli's highest quality: the code every visitor loads, a few files. */
const BEST = new Set(['.css', '.js', '.mjs', '.svg']);

/**
 * Brotli quality for a file: the highest (11) for style sheets, scripts and icons under 1 MiB; 7
 * for pages and data (verify shards, open data, the feed), of which there are as many as the
 * registry has accounts.
 * @param {string} name
 * @param {number} size
 */
export function brotliQuality(name, size) {
  return BEST.has(path.extname(name).toLowerCase()) && size < 1 << 20 ? zlib.constants.BROTLI_MAX_QUALITY : 7;
}

/**
 * Writes `file.gz` (gzip level 9) and `file.br` (Brotli) of the content `data` of `file`, each
 * only when it is smaller than the file; nothing for files under {@link MIN_SIZE} bytes or of
 * other types. Returns the bytes written of each (0: not written).
 * @param {string} file
 * @param {Buffer} data
 * @returns {{ gzip: number, brotli: number }}
 */
export function writeCompressedCopies(file, data) {
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
