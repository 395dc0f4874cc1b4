/**
 * `buildSite`: the whole publication, for `npm run build`, `npm start`, the tests and the build
 * benchmark. It is `astro build` with the site's configuration (src/integration/config.ts, the
 * same as astro.config.mjs) and the options given here instead of the environment: the
 * integration (src/integration/index.ts) validates the data, renders the bulk routes and writes
 * the search index; this returns what it reports.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { siteConfig } from '../integration/config.ts';
import type { BuildReport } from '../integration/index.ts';
import type { BulkRoutes } from './bulk.ts';

export { buildSearchIndex, INDEX_CHUNK_SIZE, SEARCH_DIR } from './search-index.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  dataDir: string;
  /** "Today" of the build; defaults to today in China. */
  asOf?: string;
  outDir: string;
  /** Deployment sub-path (default `BASE` or `/`). */
  base?: string;
  /**
   * Public address (default `SITE`, else `url` of data/site.yaml); checked by src/site/address.ts
   * (https, not a loopback or private host).
   */
  site?: string;
  /** Write the `.gz` and `.br` copies for nginx after the build (src/site/precompress.ts). */
  precompress?: boolean;
  /** Astro's log level (default `warn`; `info` lists every page with its render time). */
  logLevel?: 'warn' | 'info';
}

export interface BuildResult {
  outDir: string;
  asOf: string;
  /** HTML pages in the output. */
  pages: number;
  /** Records in the search index. */
  searchRecords: number;
  /**
   * Milliseconds spent in each step: validation; Astro; then, side by side, the bulk routes
   * (src/site/bulk.ts) and writing the search index (fed while Astro builds); then the
   * precompressed copies (0 without `precompress`).
   */
  timings: { validate: number; astro: number; bulk: number; search: number; precompress: number };
  /** Files and milliseconds of each route written outside Astro. */
  bulkRoutes: BulkRoutes;
}

/** Whether `dir` is inside the working directory (Astro keeps its intermediate server build there). */
function insideCwd(dir: string): boolean {
  const rel = path.relative(process.cwd(), dir);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  // Astro places its intermediate server build by the working directory, where Node must find the
  // project's packages: `npm run build` from elsewhere builds in a child process (src/cli/build.ts).
  if (process.cwd() !== PROJECT_ROOT) throw new Error(`网站只能在项目目录 ${PROJECT_ROOT} 中构建：请用 npm run build`);
  const outDir = path.resolve(options.outDir);
  // Astro writes its intermediate server build beside an output folder inside the working
  // directory, and into `<cwd>/.astro/` for one outside it, where two builds at once (tests,
  // benchmarks, several people on one machine) would overwrite each other's. A build for a folder
  // outside the working directory is made in a folder of its own inside it, then moved.
  if (!insideCwd(outDir)) mkdirSync(path.join(PROJECT_ROOT, '.astro'), { recursive: true });
  const staging = insideCwd(outDir) ? undefined : mkdtempSync(path.join(PROJECT_ROOT, '.astro', 'build-'));
  if (staging === undefined) mkdirSync(path.dirname(outDir), { recursive: true });
  const target = staging ? path.join(staging, 'dist') : outDir;
  let report: BuildReport | undefined;
  try {
    await build({
      ...siteConfig({
        data: path.resolve(options.dataDir),
        asOf: options.asOf,
        site: options.site,
        base: options.base ?? process.env.BASE,
        precompress: options.precompress,
        onBuilt: (built) => (report = built),
      }),
      root: PROJECT_ROOT,
      outDir: target,
      logLevel: options.logLevel ?? 'warn',
      configFile: false,
    });
    if (!report) throw new Error('网站构建没有完成');
    if (staging) {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(path.dirname(outDir), { recursive: true });
      try {
        renameSync(target, outDir);
      } catch {
        cpSync(target, outDir, { recursive: true });
      }
    }
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
  return {
    outDir,
    asOf: report.settings.asOf,
    pages: report.htmlPages,
    searchRecords: report.searchRecords,
    timings: report.timings,
    bulkRoutes: report.bulkRoutes,
  };
}
