/**
 * The poster's fast QR renderer (src/site/qr.ts) gives exactly the SVG of the `qrcode` package
 * it replaces, for links of every length and kind the registry holds.
 */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../src/site/qr.ts';

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
