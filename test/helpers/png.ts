/** Reading the poster QR codes' PNG images (src/site/qr.ts) back, for tests. */
import zlib from 'node:zlib';
import QRCode from 'qrcode';
import { expect } from 'vitest';

/** Decodes the 1-bit greyscale PNG the renderer writes (filter 0 rows) to RGBA pixels. */
export function decodePng(dataUrl: string): { width: number; height: number; rgba: Uint8ClampedArray } {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9]]).toEqual([1, 0]);
    }
    if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = Math.ceil(width / 8) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    for (let x = 0; x < width; x++) {
      const white = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1;
      rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { width, height, rgba };
}

/**
 * The modules of a QR code image, row by row, `1` for dark: every pixel of a module must be of
 * one colour (whole pixels per module), and the margin of one module white.
 */
export function pngModules(dataUrl: string): string {
  const { width, rgba } = decodePng(dataUrl);
  const dark = (x: number, y: number) => rgba[(y * width + x) * 4] === 0;
  // The finder pattern's corner is the first dark pixel on the diagonal, after a margin of one module.
  let scale = 0;
  while (!dark(scale, scale)) scale++;
  const side = width / scale;
  expect(Number.isInteger(side)).toBe(true);
  let out = '';
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const value = dark(col * scale, row * scale);
      for (let y = row * scale; y < (row + 1) * scale; y++)
        for (let x = col * scale; x < (col + 1) * scale; x++) if (dark(x, y) !== value) throw new Error(`模块 ${row},${col} 不是整像素`);
      if (row === 0 || col === 0 || row === side - 1 || col === side - 1) expect(value).toBe(false);
      else out += value ? '1' : '0';
    }
    if (row > 0 && row < side - 1) out += '\n';
  }
  return out;
}

/** The modules of the QR code (error correction M) of `text`, in the form of `pngModules`. */
export function qrModules(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let out = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) out += modules.data[row * modules.size + col] ? '1' : '0';
    out += '\n';
  }
  return out;
}
