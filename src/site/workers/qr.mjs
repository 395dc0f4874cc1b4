// @ts-check
/**
 * Worker thread of src/site/bulk.ts: the QR codes of the poster URLs (`workerData.urls`),
 * computed with `qrcode` and drawn as PNG images (./qr-png.mjs) while Astro renders; posts their
 * markup, one string per URL, in order. Plain JavaScript, so the worker runs without a
 * TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import QRCode from 'qrcode';
import { matrixMarkup } from './qr-png.mjs';

/** @type {string[]} */
const urls = workerData.urls;
parentPort?.postMessage(
  urls.map((url) => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    return matrixMarkup(modules.size, modules.data);
  }),
);
