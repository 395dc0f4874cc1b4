/**
 * QR codes from a picked or photographed image, decoded in the browser with jsQR: nothing is
 * uploaded. Loaded on demand (a separate chunk) when the user picks an image. The image is read
 * as a `data:` URL (the page's CSP allows `img-src 'self' data:`, not `blob:`), drawn on a
 * canvas at a few sizes (phone photos are large; small screenshots need no scaling) and scanned
 * with and without colour inversion.
 */
import jsQR from 'jsqr';

/** Longest side, in pixels, of the scans tried in turn. */
const SCAN_SIZES = [1000, 1600, 600];

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not an image'));
    img.src = src;
  });
}

/** Decodes the first QR code found in an image; null when there is none. */
export async function decodeQrImage(img: HTMLImageElement): Promise<string | null> {
  const width = img.naturalWidth;
  const height = img.naturalHeight;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const tried = new Set<number>();
  for (const size of SCAN_SIZES) {
    const scale = Math.min(1, size / Math.max(width, height));
    const w = Math.max(1, Math.round(width * scale));
    if (tried.has(w)) continue;
    tried.add(w);
    const h = Math.max(1, Math.round(height * scale));
    canvas.width = w;
    canvas.height = h;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h);
    const code = jsQR(data.data, w, h, { inversionAttempts: 'attemptBoth' });
    if (code && code.data) return code.data;
  }
  return null;
}

/** Decodes the first QR code in an image file; null when there is none. */
export async function decodeQrFile(file: Blob): Promise<string | null> {
  return decodeQrImage(await loadImage(await readAsDataUrl(file)));
}
