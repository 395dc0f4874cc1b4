/**
 * QR codes as SVG, the same markup as `QRCode.toString(text, { type: 'svg', margin: 1,
 * errorCorrectionLevel: 'M' })` of the `qrcode` package (black on white, one `<path>` of runs of
 * dark modules), from the matrix of `QRCode.create` without the package's option handling and
 * string building per module. A poster build makes one per active account.
 */
import zlib from 'node:zlib';
import QRCode from 'qrcode';

const MARGIN = 1;

/** The SVG of a QR code (error correction M) for `text`. */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return matrixSvg(modules.size, modules.data);
}

/** The poster markup of a QR code for `text`: SVG and PNG image (see `matrixMarkup`). */
export function qrMarkup(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return matrixMarkup(modules.size, modules.data);
}

/** The SVG of a QR code's matrix: `size`² modules, row by row, non-zero for dark. */
export function matrixSvg(size: number, data: ArrayLike<number | boolean>): string {
  const total = size + MARGIN * 2;
  let path = '';
  for (let row = 0; row < size; row++) {
    const offset = row * size;
    let newRow = true;
    let moveBy = 0;
    let col = 0;
    while (col < size) {
      if (!data[offset + col]) {
        moveBy++;
        col++;
        continue;
      }
      let run = 0;
      while (col + run < size && data[offset + col + run]) run++;
      path += newRow ? `M${col + MARGIN} ${0.5 + row + MARGIN}` : `m${moveBy} 0`;
      path += `h${run}`;
      newRow = false;
      moveBy = 0;
      col += run;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges"><path fill="#ffffff" d="M0 0h${total}v${total}H0z"/><path stroke="#000000" d="${path}"/></svg>\n`;
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

/**
 * The markup of a poster's QR code: the SVG (sharp in print) and the same code as a PNG image
 * (shown on screens, where WeChat users long-press it: 识别二维码). src/styles/poster.css shows one.
 */
export function matrixMarkup(size: number, data: ArrayLike<number | boolean>): string {
  return `${matrixSvg(size, data)}<img class="qr-png" src="${matrixPngDataUrl(size, data)}" alt="" width="${size + MARGIN * 2}" height="${size + MARGIN * 2}">`;
}
