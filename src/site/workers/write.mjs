// @ts-check
/**
 * Worker thread of src/site/bulk.ts: writes batches of `[file, text]`, so the main thread renders
 * while the file system works; answers each batch with the milliseconds it took. Each folder is
 * made once: the bulk routes send the filing form (`…/form/index.html`) before the account page
 * in the folder above it, so the last folder made is all there is to remember (no set of every
 * folder of a national registry). Plain JavaScript, so the worker runs without a TypeScript loader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

/** The last folder made, with its parents: exists. */
let made = '';
parentPort?.on('message', (/** @type {[string, string][]} */ batch) => {
  const t = performance.now();
  for (const [file, text] of batch) {
    const dir = path.dirname(file);
    if (dir !== made && !made.startsWith(dir + path.sep)) {
      fs.mkdirSync(dir, { recursive: true });
      made = dir;
    }
    fs.writeFileSync(file, text);
  }
  parentPort?.postMessage(performance.now() - t);
});
