// @ts-check
/**
 * Worker thread of src/site/bulk.ts: writes batches of `[file, text]`, each with its precompressed
 * copies (./compress.mjs, as src/site/precompress.ts makes them for the other files), so the main
 * thread renders while this one compresses and the file system works; answers each batch with
 * the milliseconds it took. Plain JavaScript, so the worker runs without a TypeScript loader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { writeCompressedCopies } from './compress.mjs';

/** Folders known to exist. */
const made = new Set();
parentPort?.on('message', (/** @type {[string, string][]} */ batch) => {
  const t = performance.now();
  for (const [file, text] of batch) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      for (let d = dir; !made.has(d) && d !== path.dirname(d); d = path.dirname(d)) made.add(d);
    }
    const data = Buffer.from(text);
    fs.writeFileSync(file, data);
    writeCompressedCopies(file, data);
  }
  parentPort?.postMessage(performance.now() - t);
});
