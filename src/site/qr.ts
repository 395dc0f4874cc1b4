/**
 * QR codes of the posters as PNG images (`data:` URLs), from the matrix of `QRCode.create` (error
 * correction M, a white margin of one module). One image serves the screen, where WeChat users
 * long-press it (识别二维码: WeChat recognises images, not inline SVG), and print: each module is
 * a square of whole pixels, scaled with `image-rendering: pixelated` (src/styles/poster.css), so
 * the printed code has sharp edges like a vector one; the image is under a third of the bytes of
 * the same code as SVG path data, and a province publishes thousands of posters.
 */
import zlib from 'node:zlib';
import QRCode from 'qrcode';

const MARGIN = 1;

/** The poster markup of a QR code for `text` (see `matrixMarkup`). */
export function qrMarkup(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return matrixMarkup(modules.size, modules.data);
}

/** Pixels per module of the PNG (whole bytes per module row): a code of 37 modules is 296 px, plenty for WeChat's long-press recognition. */
const PNG_SCALE = 8;

/**
 * A QR code's matrix as a 1-bit greyscale PNG (white margin of one module), as a `data:` URL.
 * WeChat recognises a QR code by a long press on an image, not on an inline SVG.
 */
export function matrixPngDataUrl(size: number, data: ArrayLike<number | boolean>, scale = PNG_SCALE): string {
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
      if (!dark) raw[line + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const chunk = (type: string, body: Buffer) => {
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

/** The markup of a poster's QR code: its PNG image, with its size in modules (margin included). */
export function matrixMarkup(size: number, data: ArrayLike<number | boolean>): string {
  return `<img class="qr-png" src="${matrixPngDataUrl(size, data)}" alt="" width="${size + MARGIN * 2}" height="${size + MARGIN * 2}">`;
}
