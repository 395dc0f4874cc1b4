/**
 * The poster's QR renderer (src/site/qr.ts): its PNG image (screen, WeChat's long press, print)
 * has exactly the modules of the `qrcode` package's code, in whole pixels, and decodes to the
 * same link, for links of every length and kind the registry holds.
 */
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { matrixPngDataUrl, qrMarkup } from '../src/site/qr.ts';
import { decodePng, pngModules, qrModules } from './helpers/png.ts';

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

describe('matrixPngDataUrl', () => {
  it.each([
    ...LINKS.slice(0, 6),
    'https://registry.example/verify/?q=https%3A%2F%2Fregistry.example%2Funits%2Fjiaoyuju%2Fwechat%2F&issued=2026-11-28',
  ])('is a PNG image at two pixels per module that decodes to %s', (link) => {
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const { width, height, rgba } = decodePng(matrixPngDataUrl(modules.size, modules.data));
    expect(width).toBe((modules.size + 2) * 2);
    expect(height).toBe(width);
    expect(jsQR(rgba, width, height)?.data).toBe(link);
  });

  it.each(LINKS)('has exactly the modules of the qrcode package, each a square of whole pixels, for %s', (link) => {
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    expect(pngModules(matrixPngDataUrl(modules.size, modules.data))).toBe(qrModules(link));
  });

  it('is the whole poster markup: one image with its size in modules', () => {
    const link = 'https://registry.example/verify/';
    const markup = qrMarkup(link);
    const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const side = modules.size + 2;
    expect(markup).toBe(
      `<img class="qr-png" src="${matrixPngDataUrl(modules.size, modules.data)}" alt="" width="${side}" height="${side}">`,
    );
    expect(pngModules(/src="([^"]+)"/.exec(markup)![1]!)).toBe(qrModules(link));
  });
});
