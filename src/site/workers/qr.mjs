// @ts-check
/**
 * Worker thread of src/site/bulk.ts: the QR matrices of the poster URLs (`workerData.urls`),
 * computed with `qrcode` while Astro renders; posts `[size, modules]` per URL, in order.
 * Plain JavaScript, so the worker runs without a TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import QRCode from 'qrcode';

/** @type {string[]} */
const urls = workerData.urls;
parentPort?.postMessage(
  urls.map((url) => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    return [modules.size, modules.data];
  }),
);
