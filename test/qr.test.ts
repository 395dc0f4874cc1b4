/**
 * The poster's fast QR renderer (src/site/qr.ts) gives exactly the SVG of the `qrcode` package
 * it replaces, for links of every length and kind the registry holds; its PNG image (for WeChat's
 * long press) decodes to the same link.
 */
import zlib from 'node:zlib';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { matrixPngDataUrl, qrMarkup, qrSvg } from '../src/site/qr.ts';

const LINKS = [
  'https://registry.example/verify/',
  'https://weibo.com/u/5123456789',
  'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzU0MTAwODMxNw==',
  'https://www.douyin.com/user/MS4wLjABAAAALW1XhnT6VLy6sn1NSCYMedneY880sXlkwwVQxRBZ9-d',
  'https://registry.example/units/jiaoyuju/wechat/',
  'https://registry.example/units/suonan-zhen/%E9%94%81%E5%8D%97/',
  `https://registry.example/${'x'.repeat(300)}`,
  '东乡族自治县教育局',
];

describe('qrSvg', () => {
  it.each(LINKS)('matches qrcode.toString for %s', async (link) => {
    expect(qrSvg(link)).toBe(await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
  });
});

/** Decodes the 1-bit greyscale PNG the renderer writes (filter 0 rows) to RGBA pixels. */
function decodePng(dataUrl: string): { width: number; height: number; rgba: Uint8ClampedArray } {
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

describe('matrixPngDataUrl', () => {
  it.each(LINKS.slice(0, 6))('is a PNG image that decodes to %s', (link) => {
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const { width, height, rgba } = decodePng(matrixPngDataUrl(modules.size, modules.data));
    expect(width).toBe((modules.size + 2) * 8);
    expect(height).toBe(width);
    expect(jsQR(rgba, width, height)?.data).toBe(link);
  });

  it('comes with the SVG in the poster markup, as an image with its own size', () => {
    const markup = qrMarkup('https://registry.example/verify/');
    expect(markup.startsWith(qrSvg('https://registry.example/verify/').trimEnd())).toBe(true);
    expect(markup).toMatch(/<img class="qr-png" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="" width="\d+" height="\d+">$/);
  });
});
