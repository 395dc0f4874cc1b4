/**
 * QR codes of the posters as PNG images (`data:` URLs), from the matrix of `QRCode.create` (error
 * correction M, a white margin of one module). One image serves the screen, where WeChat users
 * long-press it (识别二维码: WeChat recognises images, not inline SVG), and print: each module is
 * a square of whole pixels, scaled with `image-rendering: pixelated` (src/styles/poster.css), so
 * the printed code has sharp edges like a vector one; the image is under a third of the bytes of
 * the same code as SVG path data, and a province publishes thousands of posters.
 */
import QRCode from 'qrcode';
import { matrixMarkup } from './workers/qr-png.mjs';

export { matrixPngDataUrl } from './workers/qr-png.mjs';

/** The poster markup of a QR code for `text` (see `matrixMarkup`). */
export function qrMarkup(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return matrixMarkup(modules.size, modules.data);
}
