/**
 * One measured build of `npm run bench:build`, in its own process (fresh heap, no warm caches):
 *
 *   node --max-old-space-size=4096 --import tsx bench/build-worker.ts full DATA_DIR OUT_DIR AS_OF [precompress]
 *   node --import tsx bench/build-worker.ts bare PAGES OUT_DIR
 *
 * `full` is the publication as `npm run build` runs it: validate, Astro, search index
 * (src/site/build.ts), with Astro's per-page log captured to attribute time to routes; with
 * `precompress`, as `npm run build -- --precompress` (the .gz/.br copies for nginx, timed apart).
 * `bare` is the reference: a throw-away Astro project with one route rendering PAGES trivial
 * pages, built by the same Astro in the same way.
 * Prints one JSON line (WorkerResult).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'astro';
import { buildSite, PROJECT_ROOT } from '../src/site/build.ts';

export interface WorkerResult {
  mode: 'full' | 'bare';
  /** Wall time of the whole build, in milliseconds. */
  ms: number;
  /** CPU time (user + system) of this process, in milliseconds. */
  cpuMs: number;
  /** Peak RSS of this process, in KiB (the Pagefind service is a separate process, sampled by the parent). */
  maxRssKb: number;
  /** HTML pages written. */
  pages: number;
  /** full: time of each step (`bulk`: the routes written outside Astro, src/site/bulk.ts; `search`: what is left of the search index after them). */
  steps?: { validate: number; astro: number; bulk?: number; search: number; precompress?: number };
  /** full: records in the search index. */
  searchRecords?: number;
  /** full: milliseconds Astro reported rendering the pages of each route group (`units`, `compliance`…). */
  routes?: Record<string, { pages: number; ms: number }>;
}

/** A throw-away Astro project rendering `pages` trivial pages. */
function bareProject(pages: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-bare-astro-'));
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });\n",
  );
  mkdirSync(path.join(root, 'src', 'pages'), { recursive: true });
  writeFileSync(
    path.join(root, 'src', 'pages', '[...slug].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: i === 0 ? undefined : \`p/\${i}\` }, props: { i } }));\n}\nconst { i } = Astro.props;\n---\n<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8" /><title>第 {i} 页</title></head><body><h1>第 {i} 页</h1><p>Trivial page {i}.</p></body></html>\n`,
  );
  return root;
}

/** Attributes Astro's per-page log lines (`├─ /units/x/index.html (+3ms)`) to route groups. */
function routeCollector(): { write(line: string): void; routes: Record<string, { pages: number; ms: number }> } {
  const routes: Record<string, { pages: number; ms: number }> = {};
  // A page's line arrives in pieces (its path, then its time once rendered): parse whole lines.
  let pending = '';
  return {
    routes,
    write(text: string) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /[├└]─ (\/\S*) \(\+(\d+)ms\)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
        if (!m) continue;
        const segments = m[1]!
          .replace(/\/index\.html$/, '')
          .split('/')
          .filter(Boolean);
        let group = segments[0] ?? 'index.html';
        if (group === 'units') {
          const last = segments[segments.length - 1];
          group =
            last === 'form'
              ? 'units/*/*/form'
              : last === 'poster'
                ? 'units/*/poster'
                : segments.length === 3
                  ? 'units/*/* (account)'
                  : segments.length === 2
                    ? 'units/* (unit)'
                    : 'units';
        }
        const entry = (routes[group] ??= { pages: 0, ms: 0 });
        entry.pages++;
        entry.ms += Number(m[2]);
      }
    },
  };
}

async function main(): Promise<WorkerResult> {
  const [mode, arg, outDir, asOf, precompress] = process.argv.slice(2);
  if (!outDir || (mode !== 'full' && mode !== 'bare'))
    throw new Error('usage: build-worker.ts full DATA_DIR OUT_DIR AS_OF | bare PAGES OUT_DIR');
  rmSync(outDir, { recursive: true, force: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (mode === 'bare') {
    const pages = Number(arg);
    const root = bareProject(pages);
    try {
      await build({ root, outDir, logLevel: 'warn' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const cpu = process.cpuUsage(cpu0);
    return { mode, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, pages };
  }
  // Astro logs each page at level "info"; keep the lines to attribute time to routes, print nothing.
  const collector = routeCollector();
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    collector.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  let result;
  try {
    result = await buildSite({
      dataDir: arg!,
      asOf: asOf!,
      outDir,
      base: '/',
      site: 'https://registry.example',
      logLevel: 'info',
      precompress: precompress === 'precompress',
    });
  } finally {
    process.stdout.write = write;
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    mode,
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    pages: result.pages,
    steps: result.timings,
    searchRecords: result.searchRecords,
    // The bulk routes are written outside Astro (src/site/bulk.ts), which times them itself.
    routes: { ...collector.routes, ...Object.fromEntries(Object.entries(result.bulkRoutes).map(([route, v]) => [`${route} (bulk)`, v])) },
  };
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
