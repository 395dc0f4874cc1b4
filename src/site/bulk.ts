/**
 * The bulk routes of a full build, written outside Astro's per-page pipeline: the account pages
 * (`/units/<unit>/<slug>/`), the filing forms (`…/form/`), the posters (`/units/<unit>/poster/`)
 * and the verify shards (`/verify/<version>/<file>.json`). A national registry has hundreds of
 * thousands of these near-identical outputs, and Astro's own cost per page was most of the build.
 *
 * Astro renders one shell page of each HTML route (src/site/shell.ts: the same layout and
 * styles, with markers for title, description, canonical link and body); each page is its shell
 * filled with the one renderer of the route (src/site/render/), the same the Astro route uses
 * under `astro dev`. The integration (src/integration/index.ts) starts the poster QR codes (their images) on a
 * worker thread when Astro starts (src/site/workers/qr.mjs) and a `BulkBuild`, which starts as
 * soon as Astro has rendered the shells; the files are written on another worker
 * (src/site/workers/write.mjs) while this thread renders.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Registry } from '../lib/model.ts';
import { absoluteUrls } from './absolute.ts';
import { complianceOf } from './compliance.ts';
import { accountDescription, accountPage, accountTitle } from './render/account.ts';
import { filingForm, formTitle } from './render/form.ts';
import { posterBody, posterDescription, posterTitle, posterUrls } from './render/poster.ts';
import { Shell, SHELL_ID } from './shell.ts';
import { verifyIndexOf } from './verify-index.ts';

/** Starts computing the QR codes of every poster on a worker thread; resolves to their markup (a PNG image) by URL. */
export function startPosterQr(registry: Registry, site: string): Promise<Map<string, string>> {
  const urls = [...new Set(registry.units.flatMap((unit) => posterUrls(registry, unit, site)))];
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workers/qr.mjs', import.meta.url), { workerData: { urls } });
    worker.once('message', (markup: string[]) => {
      resolve(new Map(urls.map((url, i) => [url, markup[i]!])));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`二维码线程退出：${code}`)));
  });
}

const BATCH = 400;
const MAX_PENDING = 6;

class Writer {
  /** src/site/workers/write.mjs: the files are written there, while this thread renders. */
  private readonly worker = new Worker(new URL('./workers/write.mjs', import.meta.url));
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

const SHELL_ROUTES = {
  account: `units/${SHELL_ID}/${SHELL_ID}`,
  form: `units/${SHELL_ID}/${SHELL_ID}/form`,
  poster: `units/${SHELL_ID}/poster`,
} as const;

/** Pages Astro renders as shells of the bulk routes (removed from the output). */
export const SHELL_PAGES = Object.keys(SHELL_ROUTES).length;

/** Lets the event loop run (Astro renders its other pages meanwhile). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Files written and milliseconds spent (rendering; `write`: on the writer thread) per bulk route. */
export type BulkRoutes = Record<
  'units/*/* (account)' | 'units/*/*/form' | 'units/*/poster' | 'verify shards' | 'write',
  { pages: number; ms: number }
>;

/**
 * The bulk routes of a build in progress. Astro hands over each shell page as it renders it
 * (`offer`, called by src/integration/shell-middleware.ts with the page's path and HTML); once the
 * three are there the pages are rendered and written while Astro renders its other routes (the
 * machine this must run on has two cores; Astro keeps one busy). `finish`, called in
 * `astro:build:done`, waits for the files and removes the shells.
 */
export class BulkBuild {
  private readonly shells = new Map<keyof typeof SHELL_ROUTES, Shell>();
  private started: Promise<BulkRoutes> | undefined;
  private readonly registry: Registry;
  private readonly outDir: string;
  private readonly site: string;
  /** The poster QR codes, until the bulk routes take them (and free them after the posters). */
  private qr: Promise<Map<string, string>> | undefined;

  constructor(registry: Registry, outDir: string, site: string, qr: Promise<Map<string, string>>) {
    this.registry = registry;
    this.outDir = outDir;
    this.site = site;
    this.qr = qr;
  }

  /** A page Astro rendered: kept when it is one of the shells (`…/units/_shell/_shell/form/`…). */
  offer(pathname: string, html: string): void {
    for (const [key, route] of Object.entries(SHELL_ROUTES) as [keyof typeof SHELL_ROUTES, string][]) {
      if (pathname.replace(/\/$/, '').endsWith(`/${route}`)) this.shells.set(key, new Shell(html));
    }
    if (!this.started && this.shells.size === Object.keys(SHELL_ROUTES).length) {
      const shells = { account: this.shells.get('account')!, form: this.shells.get('form')!, poster: this.shells.get('poster')! };
      const qr = () => {
        const codes = this.qr!;
        this.qr = undefined;
        return codes;
      };
      this.started = renderBulkRoutes(this.registry, this.outDir, this.site, qr, shells);
      this.started.catch(() => {});
    }
  }

  async finish(): Promise<BulkRoutes> {
    if (!this.started) throw new Error('Astro 没有生成批量页面的框架页');
    const result = await this.started;
    rmSync(path.join(this.outDir, 'units', SHELL_ID), { recursive: true, force: true });
    return result;
  }
}

async function renderBulkRoutes(
  registry: Registry,
  outDir: string,
  site: string,
  /** The poster QR codes: taken once, so that they are freed after the posters. */
  qr: () => Promise<Map<string, string>>,
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
  const absolute = absoluteUrls(site);
  const render = async (route: keyof BulkRoutes, file: string, make: () => string) => {
    const t = performance.now();
    const text = make();
    routes[route].ms += performance.now() - t;
    routes[route].pages++;
    await writer.write(file, text);
  };
  try {
    // The verify shards first, and then their text is let go: the verify page needs only the
    // index's configuration, and at 100,000 accounts the shards are some 200 MB of strings that
    // the model's cache (src/site/verify-index.ts) would otherwise hold to the end of the build.
    const { config, files } = verifyIndexOf(registry);
    const verifyDir = path.join(outDir, 'verify', config.version);
    for (const [file, text] of files) await render('verify shards', path.join(verifyDir, `${file}.json`), () => text);
    files.clear();
    const compliance = complianceOf(registry);
    let pages = 0;
    for (const account of registry.accounts) {
      const dir = path.join(outDir, 'units', account.unit, account.slug);
      await render('units/*/*/form', path.join(dir, 'form', 'index.html'), () =>
        shells.form.fill({ title: formTitle(registry, account), body: filingForm(registry, account).value }),
      );
      await render('units/*/* (account)', path.join(dir, 'index.html'), () =>
        shells.account.fill({
          canonical: absolute(`/units/${account.unit}/${account.slug}/`),
          title: accountTitle(registry, account),
          description: accountDescription(registry, account),
          body: accountPage(registry, compliance, account).value,
        }),
      );
      if (++pages % 200 === 0) await tick();
    }
    // Freed after the posters (a national registry has a hundred thousand codes).
    let codes: Map<string, string> | undefined = await qr();
    const code = (url: string) => {
      const found = codes?.get(url);
      if (found === undefined) throw new Error(`缺少二维码：${url}`);
      return found;
    };
    for (const unit of registry.units) {
      await render('units/*/poster', path.join(outDir, 'units', unit.id, 'poster', 'index.html'), () =>
        shells.poster.fill({
          canonical: absolute(`/units/${unit.id}/poster/`),
          title: posterTitle(unit),
          description: posterDescription(unit),
          body: posterBody(registry, unit, site, code).value,
        }),
      );
      if (++pages % 200 === 0) await tick();
    }
    codes = undefined;
  } finally {
    await writer.close();
  }
  routes.write = { pages: writer.files, ms: writer.ms };
  return routes;
}
