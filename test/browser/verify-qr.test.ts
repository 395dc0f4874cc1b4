/**
 * QR codes on the verify page, in Chromium: a QR image generated with `qrcode` (a screenshot of
 * a poster's code, and a large "photo" with the code small, rotated and on a noisy background) is
 * decoded in the browser and its payload verified like a pasted link; an image without a code
 * says so; nothing is uploaded (only GET requests to the site itself).
 */
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLEAN, launchChromium, watchPage, type PageWatch } from './chromium.ts';

/** The QR payload of 多彩东乡 (rongmeiti-zhongxin/wechat lists it among its identifiers). */
const PAYLOAD = 'http://weixin.qq.com/r/maXEOeKeIcWB6cZOGLvA';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function openVerify(): Promise<{ page: Page; watch: PageWatch; methods: string[] }> {
  const origin = inject('siteUrl');
  const page = await browser.newPage();
  const watch = await watchPage(page, origin);
  const methods: string[] = [];
  page.on('request', (r) => methods.push(`${r.method()} ${new URL(r.url()).origin === origin ? 'site' : r.url()}`));
  await page.goto(`${origin}/verify/`);
  return { page, watch, methods };
}

describe('QR image', () => {
  it('decodes a picked QR image in the browser and verifies its payload', async () => {
    const { page, watch, methods } = await openVerify();
    const png = await QRCode.toBuffer(PAYLOAD, { type: 'png', width: 300, margin: 4 });
    await page.setInputFiles('#verify-qr-file', { name: '二维码.png', mimeType: 'image/png', buffer: png });
    await page.waitForSelector('#verify-result[data-verdict]');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('official');
    const text = (await page.textContent('#verify-result')) ?? '';
    expect(text).toContain(`二维码内容：${PAYLOAD}`);
    expect(text).toContain('「多彩东乡」是东乡族自治县融媒体中心在微信公众号上备案的官方账号');
    expect(await page.inputValue('#verify-q')).toBe(PAYLOAD);
    expect(new URL(page.url()).searchParams.get('q')).toBe(PAYLOAD);
    expect(methods.every((m) => m === 'GET site')).toBe(true);
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('finds a small, rotated code in a large noisy photo', async () => {
    const { page, watch } = await openVerify();
    const dataUrl = await QRCode.toDataURL('duocaidx_gf', { width: 260, margin: 4 });
    // Compose the "photo" in the page: 3000×2200, a shaded grey background with sensor noise,
    // the code rotated by 8° off-centre.
    await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 3000;
      canvas.height = 2200;
      const ctx = canvas.getContext('2d')!;
      const noise = ctx.createImageData(canvas.width, canvas.height);
      let seed = 7;
      for (let i = 0; i < noise.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const x = (i / 4) % canvas.width;
        const y = Math.floor(i / 4 / canvas.width);
        const v = 120 + Math.round((60 * x) / canvas.width + (40 * y) / canvas.height) + (seed % 17) - 8;
        noise.data[i] = v;
        noise.data[i + 1] = v - 5;
        noise.data[i + 2] = v - 15;
        noise.data[i + 3] = 255;
      }
      ctx.putImageData(noise, 0, 0);
      ctx.translate(1900, 900);
      ctx.rotate((8 * Math.PI) / 180);
      ctx.drawImage(img, -130, -130, 260, 260);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9));
      const input = document.getElementById('verify-qr-file') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'photo.jpg', { type: 'image/jpeg' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, dataUrl);
    await page.waitForSelector('#verify-result[data-verdict]', { timeout: 30_000 });
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBe('impostor');
    expect(await page.textContent('#verify-result')).toContain('二维码内容：duocaidx_gf');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });

  it('says so when the image has no QR code', async () => {
    const { page, watch } = await openVerify();
    // A picture of a grey rectangle on white.
    await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 300;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 400, 300);
      ctx.fillStyle = '#333';
      ctx.fillRect(40, 40, 120, 80);
      return new Promise<void>((resolve) =>
        canvas.toBlob((b) => {
          const input = document.getElementById('verify-qr-file') as HTMLInputElement;
          const transfer = new DataTransfer();
          transfer.items.add(new File([b!], 'blank.png', { type: 'image/png' }));
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          resolve();
        }),
      );
    });
    await page.waitForSelector('#verify-result:not([hidden])');
    expect(await page.getAttribute('#verify-result', 'data-verdict')).toBeNull();
    expect(await page.textContent('#verify-result')).toContain('没有在图片中找到二维码');
    expect(watch).toEqual(CLEAN);
    await page.close();
  });
});
