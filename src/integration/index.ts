/**
 * The registry as an Astro integration: what turns the YAML files of a data folder into the
 * site, under `astro build`, `astro dev` and `npm run build` alike (astro.config.mjs and
 * src/site/build.ts both use src/integration/config.ts).
 *
 * - `astro:config:setup`: loads the data through the one loader (src/lib/registry.ts); a registry
 *   with errors stops here with the report of `npm run validate`. Sets the public address
 *   (src/site/address.ts), publishes the model (src/integration/store.mjs) and adds the Vite
 *   plugin (src/integration/vite.ts) that gives the pages their settings.
 * - `astro:build:start`: starts what needs only the model, beside Astro's rendering: the poster QR
 *   codes (a worker thread) and the search records (Pagefind's process).
 * - `astro:build:done`: waits for the bulk routes (src/site/bulk.ts, written from the shells while
 *   Astro renders) and writes the search index (src/site/search-index.ts); with `precompress`, then
 *   the .gz and .br copies of the text files (src/site/precompress.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatText } from '../cli/validate.ts';
import { todayInChina } from '../lib/dates.ts';
import type { Registry } from '../lib/model.ts';
import { loadRegistry } from '../lib/registry.ts';
import { precompress } from '../site/precompress.ts';
import { siteAddress } from '../site/address.ts';
import { BulkBuild, type BulkRoutes, SHELL_PAGES, startPosterQr } from '../site/bulk.ts';
import { closeSearch, type PendingIndex, startSearchIndex } from '../site/search-index.ts';
import type { SiteSettings } from './settings.ts';
import { listenForShells, publishRegistry } from './registry-store.ts';
import { registryVitePlugin } from './vite.ts';

export interface RegistryOptions {
  /** Data folder, relative to the project root (default `data`). */
  data?: string;
  /** "Today" of the build (default today in China). */
  asOf?: string;
  /** Public address; overrides `url` of data/site.yaml (default: the `SITE` variable). */
  site?: string;
  /**
   * Write `.gz` and `.br` beside the text files after the build, for a server that sends them as
   * they are (src/site/precompress.ts; `npm run build -- --precompress`, `REGISTRY_PRECOMPRESS=1`).
   */
  precompress?: boolean;
  /** Called when a build is complete, with what it did (src/site/build.ts reports it). */
  onBuilt?: (report: BuildReport) => void;
}

export interface BuildReport {
  settings: SiteSettings;
  registry: Registry;
  /**
   * Milliseconds: loading and validating; Astro (start to done); the bulk routes and the search
   * index (what is left of each after Astro); the precompressed copies (0 without `precompress`).
   */
  timings: { validate: number; astro: number; bulk: number; search: number; precompress: number };
  bulkRoutes: BulkRoutes;
  searchRecords: number;
  /** HTML pages written: Astro's (without the shells of the bulk routes) and the bulk routes'. */
  htmlPages: number;
}

/** The error a registry with errors stops the build with: the text of `npm run validate`, errors only. */
export class RegistryErrors extends Error {}

function load(dataDir: string, asOf: string): Registry {
  const result = loadRegistry(dataDir, { asOf });
  if (result.ok && result.registry) return result.registry;
  const errors = result.problems.filter((p) => p.severity === 'error');
  const report = formatText(errors, result.stats, asOf, { isTTY: false, env: {} });
  const error = new RegistryErrors(`数据有 ${errors.length} 个错误，不能发布（npm run validate 列出全部问题）：\n\n${report}`);
  // The report says where each problem is; a stack trace of the loader would only hide it.
  error.stack = error.message;
  throw error;
}

export default function registry(options: RegistryOptions = {}): AstroIntegration {
  let settings: SiteSettings;
  let registry: Registry;
  let validateMs = 0;
  let started = 0;
  let outDir = '';
  let pending: { search: PendingIndex; bulk: BulkBuild } | undefined;
  return {
    name: 'gov-newmedia-registry',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, addMiddleware }) => {
        // `astro preview` serves a finished dist/: nothing to load.
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const dataDir = path.resolve(root, options.data || 'data');
        const asOf = options.asOf || todayInChina();
        const t = performance.now();
        registry = load(dataDir, asOf);
        validateMs = performance.now() - t;
        const site = siteAddress(registry.site.url, options.site || process.env.SITE || undefined).href;
        const base = config.base.replace(/\/?$/, '/');
        settings = { dataDir, asOf, site, base, bulk: command === 'build' };
        publishRegistry({ dataDir, asOf, base, registry });
        const reload = () => {
          try {
            registry = load(dataDir, asOf);
            publishRegistry({ dataDir, asOf, base, registry });
            return null;
          } catch (error) {
            if (error instanceof RegistryErrors) return error.message;
            throw error;
          }
        };
        updateConfig({ site, vite: { plugins: [registryVitePlugin({ settings, reload })] } });
        if (command === 'build') addMiddleware({ entrypoint: new URL('./shell-middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        started = performance.now();
        const qr = startPosterQr(registry, settings.site);
        qr.catch(() => {});
        const bulk = new BulkBuild(registry, outDir, settings.site, qr);
        listenForShells((pathname, html) => bulk.offer(pathname, html));
        pending = { search: startSearchIndex(registry, settings.base), bulk };
      },
      'astro:build:done': async ({ dir, pages }) => {
        if (fileURLToPath(dir) !== outDir) throw new Error(`构建目录不一致：${fileURLToPath(dir)}`);
        const astro = performance.now() - started;
        listenForShells(undefined);
        const { search, bulk: bulkBuild } = pending!;
        pending = undefined;
        const t = performance.now();
        let searchMs = 0;
        const searchWritten = search.write(outDir).then((count) => ((searchMs = performance.now() - t), count));
        searchWritten.catch(() => {});
        let bulkRoutes: BulkRoutes;
        let searchRecords: number;
        let bulk: number;
        try {
          bulkRoutes = await bulkBuild.finish();
          bulk = performance.now() - t;
          searchRecords = await searchWritten;
        } catch (error) {
          await closeSearch();
          throw error;
        }
        let precompressMs = 0;
        if (options.precompress) {
          const tp = performance.now();
          precompress(outDir);
          precompressMs = performance.now() - tp;
        }
        options.onBuilt?.({
          settings,
          registry,
          timings: { validate: validateMs, astro, bulk, search: searchMs, precompress: precompressMs },
          bulkRoutes,
          searchRecords,
          // Counted, not listed from dist/ (a national registry's output has hundreds of thousands
          // of files): Astro names the pages it rendered (its endpoints are not among them).
          htmlPages:
            pages.length -
            SHELL_PAGES +
            bulkRoutes['units/*/* (account)'].pages +
            bulkRoutes['units/*/*/form'].pages +
            bulkRoutes['units/*/poster'].pages,
        });
      },
    },
  };
}
