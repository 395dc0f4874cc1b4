/**
 * The bulk routes of a full build, written outside Astro's per-page pipeline: the account pages
 * (`/units/<unit>/<slug>/`), the filing forms (`…/form/`), the posters (`/units/<unit>/poster/`)
 * and the verify shards (`/verify/<version>/<file>.json`). A national registry has hundreds of
 * thousands of these near-identical outputs, and Astro's own cost per page was most of the build.
 *
 * Astro renders one shell page of each HTML route (src/site/shell.ts: the same layout and
 * styles, with markers for title, description and body); each page is its shell filled with the
 * same string renderer the Astro route uses (src/site/render/). The QR codes of the posters are
 * computed on a worker thread while Astro builds, the files are written by another one, and the
 * pages are rendered while Astro renders its other routes (the machine this must run on has two
 * cores; Astro keeps one busy).
 */
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { complianceOf } from '../components/compliance/site.ts';
import { verifyIndexOf } from '../components/verify/site-index.ts';
import type { Registry } from '../lib/model.ts';
import { matrixMarkup } from './qr.ts';
import { accountDescription, accountPage, accountTitle } from './render/account.ts';
import { filingForm, formTitle } from './render/form.ts';
import { posterBody, posterDescription, posterTitle, posterUrls } from './render/poster.ts';
import { Shell, SHELL_ID } from './shell.ts';

/** The QR matrices of a list of URLs, computed with `qrcode` on a worker thread (plain JS: the worker runs without the TypeScript loader). */
const QR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const QRCode = require(workerData.qrcode);
const out = workerData.urls.map((url) => {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return [modules.size, modules.data];
});
parentPort.postMessage(out);
`;

/** Starts computing the QR codes of every poster; resolves to their markup (SVG and PNG image) by URL. */
export function startPosterQr(registry: Registry, site: string): Promise<Map<string, string>> {
  const urls = [...new Set(registry.units.flatMap((unit) => posterUrls(registry, unit, site)))];
  const qrcode = createRequire(import.meta.url).resolve('qrcode');
  return new Promise((resolve, reject) => {
    const worker = new Worker(QR_WORKER, { eval: true, workerData: { qrcode, urls } });
    worker.once('message', (matrices: [number, Uint8Array][]) => {
      resolve(new Map(urls.map((url, i) => [url, matrixMarkup(matrices[i]![0], matrices[i]![1])])));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`二维码线程退出：${code}`)));
  });
}

/**
 * Writes files on a worker thread (plain JS, like the QR worker), so the main thread renders
 * while the (slow, many small files) file system works; at most a few batches wait at a time.
 */
const WRITER_WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const made = new Set();
parentPort.on('message', (batch) => {
  const t = performance.now();
  for (const [file, text] of batch) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      for (let d = dir; !made.has(d) && d !== path.dirname(d); d = path.dirname(d)) made.add(d);
    }
    fs.writeFileSync(file, text);
  }
  parentPort.postMessage(performance.now() - t);
});
`;

const BATCH = 400;
const MAX_PENDING = 6;

class Writer {
  private readonly worker = new Worker(WRITER_WORKER, { eval: true });
  private batch: [string, string][] = [];
  private pending = 0;
  private waiters: (() => void)[] = [];
  private failure: Error | undefined;
  /** Milliseconds the worker spent writing. */
  ms = 0;
  files = 0;

  constructor() {
    this.worker.on('message', (ms: number) => {
      this.ms += ms;
      this.pending--;
      this.waiters.splice(0).forEach((w) => w());
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async write(file: string, text: string): Promise<void> {
    this.batch.push([file, text]);
    this.files++;
    if (this.batch.length >= BATCH) await this.send();
  }

  private async send(): Promise<void> {
    this.check();
    while (this.pending >= MAX_PENDING) {
      await this.wait();
      this.check();
    }
    if (this.batch.length === 0) return;
    this.pending++;
    this.worker.postMessage(this.batch);
    this.batch = [];
  }

  /** Waits until every file is written, then ends the worker. */
  async close(): Promise<void> {
    try {
      await this.send();
      while (this.pending > 0) {
        await this.wait();
        this.check();
      }
    } finally {
      await this.worker.terminate();
    }
  }
}

/** The shell page Astro rendered at `<outDir>/<route>/index.html`, once it is there and complete. */
function readShell(outDir: string, route: string): Shell | undefined {
  try {
    const text = readFileSync(path.join(outDir, route, 'index.html'), 'utf8');
    return text.trimEnd().endsWith('</html>') ? new Shell(text) : undefined;
  } catch {
    return undefined;
  }
}

const SHELL_ROUTES = {
  account: `units/${SHELL_ID}/${SHELL_ID}`,
  form: `units/${SHELL_ID}/${SHELL_ID}/form`,
  poster: `units/${SHELL_ID}/poster`,
} as const;

/** Lets the event loop run (Astro's rendering and the search index go on meanwhile). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Files written and milliseconds spent (rendering; `write`: on the writer thread) per bulk route. */
export type BulkRoutes = Record<
  'units/*/* (account)' | 'units/*/*/form' | 'units/*/poster' | 'verify shards' | 'write',
  { pages: number; ms: number }
>;

/**
 * The bulk routes of a build in progress: they start as soon as Astro has written the shells
 * (Astro renders those routes before the unit pages and the verify page), and run alongside the
 * rest of Astro's work. `finish` is called once Astro is done; it resolves when every file is
 * written and the shells are removed.
 */
export interface BulkBuild {
  finish(): Promise<BulkRoutes>;
}

export function startBulkRoutes(registry: Registry, outDir: string, site: string, qr: Promise<Map<string, string>>): BulkBuild {
  let started: Promise<BulkRoutes> | undefined;
  const tryStart = () => {
    if (started) return;
    const shells = {
      account: readShell(outDir, SHELL_ROUTES.account),
      form: readShell(outDir, SHELL_ROUTES.form),
      poster: readShell(outDir, SHELL_ROUTES.poster),
    };
    if (shells.account && shells.form && shells.poster) {
      started = writeBulkRoutes(registry, outDir, site, qr, { account: shells.account, form: shells.form, poster: shells.poster });
      started.catch(() => {});
    }
  };
  const timer = setInterval(tryStart, 100);
  return {
    async finish() {
      clearInterval(timer);
      tryStart();
      if (!started) throw new Error('Astro 没有生成批量页面的框架页');
      const routes = await started;
      rmSync(path.join(outDir, 'units', SHELL_ID), { recursive: true, force: true });
      return routes;
    },
  };
}

async function writeBulkRoutes(
  registry: Registry,
  outDir: string,
  site: string,
  qr: Promise<Map<string, string>>,
  shells: { account: Shell; form: Shell; poster: Shell },
): Promise<BulkRoutes> {
  const routes: BulkRoutes = {
    'units/*/* (account)': { pages: 0, ms: 0 },
    'units/*/*/form': { pages: 0, ms: 0 },
    'units/*/poster': { pages: 0, ms: 0 },
    'verify shards': { pages: 0, ms: 0 },
    write: { pages: 0, ms: 0 },
  };
  const writer = new Writer();
  const render = async (route: keyof BulkRoutes, file: string, make: () => string) => {
    const t = performance.now();
    const text = make();
    routes[route].ms += performance.now() - t;
    routes[route].pages++;
    await writer.write(file, text);
  };
  try {
    const compliance = complianceOf(registry);
    let pages = 0;
    for (const account of registry.accounts) {
      const dir = path.join(outDir, 'units', account.unit, account.slug);
      await render('units/*/*/form', path.join(dir, 'form', 'index.html'), () =>
        shells.form.fill({ title: formTitle(registry, account), body: filingForm(registry, account).value }),
      );
      await render('units/*/* (account)', path.join(dir, 'index.html'), () =>
        shells.account.fill({
          title: accountTitle(registry, account),
          description: accountDescription(registry, account),
          body: accountPage(registry, compliance, account).value,
        }),
      );
      if (++pages % 200 === 0) await tick();
    }
    const svgs = await qr;
    const svg = (url: string) => {
      const found = svgs.get(url);
      if (found === undefined) throw new Error(`缺少二维码：${url}`);
      return found;
    };
    for (const unit of registry.units) {
      await render('units/*/poster', path.join(outDir, 'units', unit.id, 'poster', 'index.html'), () =>
        shells.poster.fill({
          title: posterTitle(unit),
          description: posterDescription(unit),
          body: posterBody(registry, unit, site, svg).value,
        }),
      );
      if (++pages % 200 === 0) await tick();
    }
    const { config, files } = verifyIndexOf(registry);
    const verifyDir = path.join(outDir, 'verify', config.version);
    for (const [file, text] of files) await render('verify shards', path.join(verifyDir, `${file}.json`), () => text);
  } finally {
    await writer.close();
  }
  routes.write = { pages: writer.files, ms: writer.ms };
  return routes;
}
