// @ts-check
/**
 * The PNG image of a QR code's matrix (see src/site/qr.ts). Plain JavaScript, so that the QR
 * worker thread of the bulk routes (./qr.mjs) encodes the posters' images itself, beside Astro's
 * rendering, and hands over strings instead of matrices.
 */
import zlib from 'node:zlib';

/** White margin around the code, in modules. */
export const MARGIN = 1;

/**
 * Pixels per module of the PNG. The page scales the image up with `image-rendering: pixelated`
 * (src/styles/poster.css), so screen and print stay sharp at any scale; 2 rather than 1 because
 * decoders that read the image itself (WeChat's long press, jsQR in test/qr.test.ts) miss some
 * codes drawn at one pixel per module, and 2 costs a few bytes more (8 cost half as much again).
 */
const PNG_SCALE = 2;

/**
 * A QR code's matrix (`size`² modules, row by row, non-zero for dark) as a 1-bit greyscale PNG
 * with a white margin of one module, as a `data:` URL.
 * @param {number} size
 * @param {ArrayLike<number | boolean>} data
 * @param {number} [scale]
 * @returns {string}
 */
export function matrixPngDataUrl(size, data, scale = PNG_SCALE) {
  const side = (size + MARGIN * 2) * scale;
  const stride = Math.ceil(side / 8);
  const raw = Buffer.alloc((stride + 1) * side, 0);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / scale) - MARGIN;
    const line = y * (stride + 1);
    // Filter byte 0, then bits: 1 is white, 0 is black.
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / scale) - MARGIN;
      const dark = row >= 0 && row < size && col >= 0 && col < size && Boolean(data[row * size + col]);
      const at = line + 1 + (x >> 3);
      if (!dark) raw[at] = /** @type {number} */ (raw[at]) | (0x80 >> (x & 7));
    }
  }
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * The markup of a poster's QR code: its PNG image, with its size in modules (margin included).
 * @param {number} size
 * @param {ArrayLike<number | boolean>} data
 * @returns {string}
 */
export function matrixMarkup(size, data) {
  return `<img class="qr-png" src="${matrixPngDataUrl(size, data)}" alt="" width="${size + MARGIN * 2}" height="${size + MARGIN * 2}">`;
}
