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
  // One line of pixels per row of modules, copied to the `scale` lines of that row (each after
  // its filter byte 0): bits, 1 is white, 0 is black.
  const line = Buffer.alloc(stride);
  for (let row = -MARGIN; row < size + MARGIN; row++) {
    line.fill(0);
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / scale) - MARGIN;
      const dark = row >= 0 && row < size && col >= 0 && col < size && Boolean(data[row * size + col]);
      if (!dark) line[x >> 3] = /** @type {number} */ (line[x >> 3]) | (0x80 >> (x & 7));
    }
    for (let y = (row + MARGIN) * scale; y < (row + MARGIN + 1) * scale; y++) line.copy(raw, y * (stride + 1) + 1);
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
    // Level 4, not 9: on these lines, repeated `scale` times, level 9's long lazy match search
    // took ten times as long for a larger result (measured on 1,500 poster links: 0.87 s and
    // 663 KB against 0.09 s and 626 KB), and a national registry draws a hundred thousand codes.
    chunk('IDAT', zlib.deflateSync(raw, { level: 4 })),
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
