/**
 * The whole publication: validate, Astro build, search index. Used by `npm run build`,
 * `npm start`, the browser tests and the build benchmark.
 *
 * The registry is loaded and validated once and handed to the pages (src/site/registry.ts).
 * Astro renders the site except the bulk routes (account pages, filing forms, posters, verify
 * shards), of which it renders one shell page each; src/site/bulk.ts writes those afterwards.
 * The search index is built from the model (src/site/search-records.ts), not by crawling the
 * HTML, fed to Pagefind (a separate process) while Astro builds; Pagefind's own UI bundles are
 * removed from the output (the site has its own search page).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { todayInChina } from '../lib/dates.ts';
import type { Registry } from '../lib/model.ts';
import { loadRegistry } from '../lib/registry.ts';
import { type BulkRoutes, startBulkRoutes, startPosterQr } from './bulk.ts';
import { precompress } from './precompress.ts';
import { shareRegistry } from './registry.ts';
import { searchRecords } from './search-records.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  dataDir: string;
  /** "Today" of the build; defaults to today in China. */
  asOf?: string;
  outDir: string;
  /** Deployment sub-path (default `BASE` or `/`). */
  base?: string;
  /** Deployment origin (default `SITE`). */
  site?: string;
  /** Astro's log level (default `warn`; `info` lists every page with its render time). */
  logLevel?: 'warn' | 'info';
}

export interface BuildResult {
  outDir: string;
  asOf: string;
  pages: number;
  /** Records in the search index. */
  searchRecords: number;
  /**
   * Milliseconds spent in each step: Astro; then, side by side, what is left of the bulk routes
   * (src/site/bulk.ts, which start while Astro builds) and writing the search index (fed while
   * Astro builds).
   */
  timings: { validate: number; astro: number; bulk: number; search: number };
  /** Files and milliseconds of each route written outside Astro. */
  bulkRoutes: BulkRoutes;
}

/** Directory of the search index in the output. */
export const SEARCH_DIR = 'pagefind';

/**
 * Postings per Pagefind index chunk (Pagefind's default is 20000). Each search term downloads the
 * chunk holding it; smaller chunks keep a query on a phone under 40 KB at 50k accounts, for a
 * few more entries in the start-up file.
 */
export const INDEX_CHUNK_SIZE = 4000;

/** Files of the Pagefind bundle the site uses; the rest (Pagefind's UI kits, highlighter) is removed. */
const SEARCH_FILES = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\..*\.pf_meta|wasm\..*\.pagefind)$/;

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

/** A search index being fed; `write` waits for the records and writes it into `<outDir>/pagefind/`. */
interface PendingIndex {
  write(outDir: string): Promise<number>;
}

/**
 * Starts indexing a registry's search records in Pagefind's process while Astro builds. The
 * index is written afterwards (Astro empties the output folder when it starts), alongside the
 * rest of the bulk routes: Pagefind's writing takes both cores, and run during Astro's rendering
 * it only slowed Astro down by as much.
 */
function startSearchIndex(registry: Registry, base: string): PendingIndex {
  const prefix = base.replace(/\/?$/, '/');
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const fed = (async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
    let count = 0;
    let batch: Promise<pagefind.NewFileResponse>[] = [];
    const flush = async () => {
      for (const response of await Promise.all(batch))
        if (response.errors.length) throw new Error(`Pagefind 索引出错：${response.errors.join('；')}`);
      batch = [];
    };
    const links = { unit: (id: string) => `${prefix}units/${id}/`, impostor: (id: string) => `${prefix}impostors/#${id}` };
    for (const record of searchRecords(registry, links)) {
      batch.push(index.addCustomRecord(record));
      count++;
      if (batch.length >= 200) await flush();
    }
    await flush();
    return { index, count };
  })();
  // Reported by `write`; not an unhandled rejection while Astro builds.
  fed.catch(() => {});
  return {
    async write(outDir: string) {
      const { index, count } = await fed;
      const dir = path.join(outDir, SEARCH_DIR);
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind 无法写出索引：${written.errors.join('；')}`);
      await pagefind.close();
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isFile() && !SEARCH_FILES.test(entry.name)) rmSync(path.join(dir, entry.name));
      }
      return count;
    },
  };
}

/** Builds the search index of a registry into `<outDir>/pagefind/`; returns the number of records. */
export async function buildSearchIndex(registry: Registry, outDir: string, base: string): Promise<number> {
  return startSearchIndex(registry, base).write(outDir);
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const asOf = options.asOf ?? todayInChina();
  const base = options.base ?? process.env.BASE ?? '/';
  let t = performance.now();
  const { registry, problems, ok } = loadRegistry(options.dataDir, { asOf });
  if (!ok || !registry) {
    const errors = problems.filter((p) => p.severity === 'error');
    const list = errors.slice(0, 20).map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`);
    throw new Error(`数据有 ${errors.length} 个错误，不能发布：\n${list.join('\n')}\n请运行 npm run validate 查看全部问题。`);
  }
  const validate = performance.now() - t;
  const dataDir = path.resolve(options.dataDir);
  process.env.REGISTRY_DATA = dataDir;
  process.env.REGISTRY_AS_OF = asOf;
  process.env.REGISTRY_BASE = base;
  const site = options.site ?? process.env.SITE ?? 'http://localhost:4321';
  shareRegistry({ dataDir, asOf, registry, bulk: true });
  t = performance.now();
  const outDir = path.resolve(options.outDir);
  const search = startSearchIndex(registry, base);
  const qr = startPosterQr(registry, site);
  qr.catch(() => {});
  // Astro writes its intermediate server build into <cwd>/.astro/ when the output is outside the
  // working directory, so two builds into temporary folders (tests, benchmarks, several people on
  // one machine) would overwrite each other's. Work from a folder of this build's own, inside the
  // project (the intermediate build imports packages from its node_modules).
  const cwd = process.cwd();
  mkdirSync(path.join(PROJECT_ROOT, '.astro'), { recursive: true });
  const workDir = mkdtempSync(path.join(PROJECT_ROOT, '.astro', 'build-'));
  process.chdir(workDir);
  const bulkBuild = startBulkRoutes(registry, outDir, site, qr);
  let astro: number;
  let bulk: number;
  let searchMs = 0;
  let records: number;
  let bulkRoutes: BulkRoutes;
  try {
    try {
      await build({
        root: PROJECT_ROOT,
        outDir,
        base,
        site,
        logLevel: options.logLevel ?? 'warn',
      });
    } finally {
      process.chdir(cwd);
      rmSync(workDir, { recursive: true, force: true });
      shareRegistry(null);
    }
    astro = performance.now() - t;
    t = performance.now();
    // The rest of the bulk routes and the search index, side by side.
    const searchWritten = search.write(outDir).then((count) => ((searchMs = performance.now() - t), count));
    searchWritten.catch(() => {});
    bulkRoutes = await bulkBuild.finish();
    bulk = performance.now() - t;
    records = await searchWritten;
    // .gz and .br beside the text files, for nginx's gzip_static / brotli_static (deploy/nginx/).
    precompress(outDir);
  } catch (error) {
    await bulkBuild.finish().catch(() => {});
    await pagefind.close().catch(() => {});
    throw error;
  }
  return {
    outDir,
    asOf,
    pages: countPages(outDir),
    searchRecords: records,
    timings: { validate, astro, bulk, search: searchMs },
    bulkRoutes,
  };
}
