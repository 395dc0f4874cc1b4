/**
 * `npm run bench:build [-- --sizes 1000,20000,50000] [--runs N] [--seed S] [--keep] [--precompress]`
 *
 * How long does publishing take, how much memory, and what do the pages and the search cost a
 * phone? For each size a synthetic registry is generated once (cached under bench/out/datasets/,
 * git-ignored). Then, in fresh child processes (bench/build-worker.ts), it alternates
 *
 *   full  the real publication: validate + Astro + search index (src/site/build.ts), the
 *         registry with every route of the site (the verify and compliance pages included);
 *         with `--precompress` also the .gz/.br copies for nginx (timed as a step of their own),
 *   bare  a throw-away Astro project building the same number of trivial pages,
 *
 * and reports the median wall time of each, their ratio, and the peak memory of the full build
 * (the build process plus the Pagefind service, sampled from /proc). On the last full build of
 * each size it measures the output: the largest HTML page, the largest account page with its CSS,
 * per-route render time from Astro's log, and the bytes a phone downloads for a first search and
 * for later searches (bench/build-search.ts).
 *
 * Budgets: full ≤ 1.2× bare at 20k accounts and ≤ 1.3× at 50k (1.5× below);
 * 50k and 100k accounts build within 4 GB of the whole process tree; no HTML page over 200 KB;
 * an account page ≤ 20 KB of HTML + CSS; published output ≤ 12 KB apparent size per account
 * (GitHub Pages caps a site at 1 GB; the .gz/.br copies for nginx, made with `--precompress`,
 * are reported apart); at 50k a first query ≤ 250 KB and later ones ≤ 40 KB.
 * Prints a table, writes bench/out/build.json; exits 1 when a budget is missed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, writeDataset } from '../src/lib/generate/index.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { openSearch, type QueryTransfer } from './build-search.ts';
import type { WorkerResult } from './build-worker.ts';
import { median } from './common.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const OUT_DIR = path.join(BENCH_DIR, 'out');
const DATASETS_DIR = path.join(OUT_DIR, 'datasets');
/** Built sites go outside the repository (which `astro check` and the editors scan). */
const SITES_DIR = path.join(os.tmpdir(), 'registry-bench-build');
const WORKER = path.join(BENCH_DIR, 'build-worker.ts');
const AS_OF = DEFAULT_AS_OF;
const MEMORY_LIMIT_MB = 4096;

const BUDGET = {
  /** Full ÷ bare by size: the largest listed size at or below the registry's. */
  ratio: [
    [0, 1.5],
    [20_000, 1.2],
    [50_000, 1.3],
  ] as [number, number][],
  outputPerAccountKb: 12,
  memoryMb: MEMORY_LIMIT_MB,
  pageKb: 200,
  accountPageKb: 20,
  firstQueryKb: 250,
  laterQueryKb: 40,
  searchAt: 50_000,
};

interface Run {
  result: WorkerResult | null;
  error?: string;
  /** Peak RSS of the process tree (build + Pagefind service), in KiB. */
  treeRssKb: number;
}

/** The cached dataset of a size (generated when missing). */
function dataset(accounts: number, seed: string): string {
  const root = path.join(DATASETS_DIR, `build-n${accounts}-seed-${seed.replace(/[^A-Za-z0-9-]/g, '_')}`);
  const dir = path.join(root, 'data');
  const stamp = path.join(root, 'stamp.json');
  if (existsSync(stamp) && existsSync(dir)) return dir;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  process.stdout.write(`  generating ${accounts} accounts … `);
  const t = performance.now();
  writeDataset(dir, { accounts, seed, asOf: AS_OF });
  writeFileSync(stamp, JSON.stringify({ accounts, seed, asOf: AS_OF }));
  process.stdout.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return dir;
}

/** RSS (KiB) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** One build in a fresh process, sampling the memory of its process tree. */
function runWorker(args: string[]): Promise<Run> {
  // The previous build's files go to disk first: their write-back would otherwise slow whichever
  // build comes next (on this kind of virtual machine the bare build's time varied 20 → 51 s by it).
  execFileSync('sync');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, '--import', 'tsx', WORKER, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 250);
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const line = stdout.trim().split('\n').at(-1);
      if (code === 0 && line) return resolve({ result: JSON.parse(line) as WorkerResult, treeRssKb: peak });
      const oom = /heap out of memory|Allocation failed/i.test(stderr);
      resolve({
        result: null,
        treeRssKb: peak,
        error: oom ? 'out of memory' : `${signal ?? `exit ${code}`}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
      });
    });
  });
}

interface OutputFigures {
  /** Largest HTML page of the whole site. */
  largestPage: { path: string; kb: number };
  /** Largest page of the directory's own routes (the verify and compliance pages are other issues'). */
  largestOwnPage: { path: string; kb: number };
  accountPage: { path: string; htmlKb: number; cssKb: number; totalKb: number; medianTotalKb: number };
  /** Pages of the directory's own routes over 200 KB. */
  ownPagesOver200Kb: number;
  /**
   * Apparent size of every published file, in KB, by group (account pages, forms, posters…);
   * `total` is their sum. The `.gz`/`.br` copies beside them (src/site/precompress.ts, for nginx)
   * are the group `precompressed copies`, outside `total`: GitHub Pages, whose 1 GB cap the
   * budget is about, compresses by itself, and the deploy workflow does not publish them there
   * (nor to object storage).
   */
  bytesKb: Record<string, number>;
}

const PRECOMPRESSED = 'precompressed copies';

/** Group of a published file, for the output size by route. */
function groupOf(rel: string): string {
  if (/\.(gz|br)$/.test(rel)) return PRECOMPRESSED;
  if (/^units\/[^/]+\/poster\//.test(rel)) return 'posters';
  if (/^units\/[^/]+\/[^/]+\/form\//.test(rel)) return 'filing forms';
  if (/^units\/[^/]+\/[^/]+\/index\.html$/.test(rel)) return 'account pages';
  if (rel.startsWith('units/')) return 'unit pages';
  if (/^verify\/[^/]+\//.test(rel)) return 'verify shards';
  if (rel.startsWith('pagefind/')) return 'search index';
  if (rel.startsWith('data/') || rel.startsWith('schemas/')) return 'open data';
  return 'other';
}

/** Pages of other issues' routes: the verify tool, the compliance pages, the posters. */
const OTHER_ROUTES = /^(verify|compliance)\/|\/poster\//;

/** Sizes of the built pages. */
function measureOutput(dir: string): OutputFigures {
  let largest = { path: '', bytes: 0 };
  let largestOwn = { path: '', bytes: 0 };
  let over = 0;
  const cssSize = new Map<string, number>();
  const css = (href: string) => {
    let size = cssSize.get(href);
    if (size === undefined) {
      size = statSync(path.join(dir, href.replace(/^\//, ''))).size;
      cssSize.set(href, size);
    }
    return size;
  };
  let worst = { path: '', html: 0, css: 0 };
  const totals: number[] = [];
  const bytes: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file);
    const size = statSync(file).size;
    const group = groupOf(rel.split(path.sep).join('/'));
    bytes[group] = (bytes[group] ?? 0) + size;
    if (group !== PRECOMPRESSED) bytes.total = (bytes.total ?? 0) + size;
    if (!entry.name.endsWith('.html')) continue;
    if (size > largest.bytes) largest = { path: rel, bytes: size };
    const own = !OTHER_ROUTES.test(rel.split(path.sep).join('/'));
    if (own && size > largestOwn.bytes) largestOwn = { path: rel, bytes: size };
    if (own && size > BUDGET.pageKb * 1024) over++;
    // Account pages: units/<unit>/<slug>/index.html (not form/, poster/).
    const parts = rel.split(path.sep);
    if (parts.length === 4 && parts[0] === 'units' && parts[3] === 'index.html' && parts[2] !== 'poster' && parts[2] !== 'form') {
      const html = readFileSync(file, 'utf8');
      const cssBytes = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((sum, m) => sum + css(m[1]!), 0);
      totals.push(size + cssBytes);
      if (size + cssBytes > worst.html + worst.css) worst = { path: rel, html: size, css: cssBytes };
    }
  }
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10;
  return {
    largestPage: { path: largest.path, kb: kb(largest.bytes) },
    largestOwnPage: { path: largestOwn.path, kb: kb(largestOwn.bytes) },
    accountPage: {
      path: worst.path,
      htmlKb: kb(worst.html),
      cssKb: kb(worst.css),
      totalKb: kb(worst.html + worst.css),
      medianTotalKb: kb(median(totals)),
    },
    ownPagesOver200Kb: over,
    bytesKb: Object.fromEntries(Object.entries(bytes).map(([group, b]) => [group, kb(b)])),
  };
}

/** Queries as people type them, taken from the dataset: a common word, place names, a full name, a handle. */
function queriesFor(dataDir: string): { first: string; later: string[] } {
  const { registry } = loadRegistry(dataDir, { asOf: AS_OF });
  if (!registry) throw new Error(`cannot load ${dataDir}`);
  const accounts = registry.accounts;
  const pick = (i: number) => accounts[Math.floor((i * accounts.length) / 7) % accounts.length]!;
  const unit = registry.unitById.get(pick(3).unit)!;
  return {
    first: '教育',
    later: [
      pick(1).name,
      pick(2).handle,
      (unit.short_name ?? unit.name).slice(0, 2),
      pick(4).name.slice(0, 3),
      `${pick(5).name} ${registry.platformById.get(pick(5).platform)?.name ?? ''}`.trim(),
      '发布',
    ],
  };
}

async function measureSearch(dir: string, dataDir: string): Promise<{ first: QueryTransfer; later: QueryTransfer[] }> {
  const { first, later } = queriesFor(dataDir);
  const session = await openSearch(dir);
  try {
    const firstResult = await session.query(first);
    const laterResults: QueryTransfer[] = [];
    for (const q of later) laterResults.push(await session.query(q));
    return { first: firstResult, later: laterResults };
  } finally {
    await session.close();
  }
}

interface SizeReport {
  accounts: number;
  pages: number | null;
  searchRecords: number | null;
  full: {
    runsMs: number[];
    medianMs: number;
    medianCpuMs: number;
    peakTreeRssMb: number;
    steps: WorkerResult['steps'] | null;
    failures: string[];
  };
  bare: { runsMs: number[]; medianMs: number; medianCpuMs: number; failures: string[] };
  ratio: number | null;
  routes: WorkerResult['routes'] | null;
  output: OutputFigures | null;
  search: {
    firstKb: number;
    laterKb: { query: string; kb: number }[];
    laterMaxKb: number;
    laterMedianKb: number;
    firstQuery: string;
  } | null;
  budget: { check: string; pass: boolean }[];
}

async function measure(accounts: number, runs: number, seed: string, keep: boolean, precompress: boolean): Promise<SizeReport> {
  const dataDir = dataset(accounts, seed);
  const outDir = path.join(SITES_DIR, `site-n${accounts}`);
  const full: SizeReport['full'] = { runsMs: [], medianMs: NaN, medianCpuMs: NaN, peakTreeRssMb: 0, steps: null, failures: [] };
  const bare: SizeReport['bare'] = { runsMs: [], medianMs: NaN, medianCpuMs: NaN, failures: [] };
  const fullCpu: number[] = [];
  const bareCpu: number[] = [];
  let last: WorkerResult | null = null;
  for (let i = 1; i <= runs; i++) {
    const f = await runWorker(['full', dataDir, outDir, AS_OF, ...(precompress ? ['precompress'] : [])]);
    full.peakTreeRssMb = Math.max(full.peakTreeRssMb, Math.round(f.treeRssKb / 1024));
    if (!f.result) {
      full.failures.push(f.error ?? 'failed');
      process.stdout.write(`  run ${i} full: FAILED (${f.error})\n`);
      break;
    }
    last = f.result;
    full.runsMs.push(f.result.ms);
    fullCpu.push(f.result.cpuMs);
    process.stdout.write(
      `  run ${i} full ${(f.result.ms / 1000).toFixed(1).padStart(7)} s  ${f.result.pages} pages  peak ${Math.round(f.treeRssKb / 1024)} MiB\n`,
    );
    const b = await runWorker(['bare', String(f.result.pages), path.join(SITES_DIR, `bare-n${accounts}`)]);
    if (!b.result) {
      bare.failures.push(b.error ?? 'failed');
      process.stdout.write(`  run ${i} bare: FAILED (${b.error})\n`);
      continue;
    }
    bare.runsMs.push(b.result.ms);
    bareCpu.push(b.result.cpuMs);
    process.stdout.write(`  run ${i} bare ${(b.result.ms / 1000).toFixed(1).padStart(7)} s  ${b.result.pages} pages\n`);
  }
  rmSync(path.join(SITES_DIR, `bare-n${accounts}`), { recursive: true, force: true });
  full.medianMs = median(full.runsMs);
  full.medianCpuMs = median(fullCpu);
  full.steps = last?.steps ?? null;
  bare.medianMs = median(bare.runsMs);
  bare.medianCpuMs = median(bareCpu);
  const ratio = full.runsMs.length && bare.runsMs.length ? full.medianMs / bare.medianMs : null;

  let output: OutputFigures | null = null;
  let searchFigures: SizeReport['search'] = null;
  if (last) {
    output = measureOutput(outDir);
    const s = await measureSearch(outDir, dataDir);
    const kb = (b: number) => Math.round((b / 1024) * 10) / 10;
    const laterKb = s.later.map((q) => ({ query: q.query, kb: kb(q.bytes) }));
    searchFigures = {
      firstQuery: s.first.query,
      firstKb: kb(s.first.bytes),
      laterKb,
      laterMaxKb: Math.max(...laterKb.map((q) => q.kb)),
      laterMedianKb: median(laterKb.map((q) => q.kb)),
    };
  }
  if (!keep) rmSync(outDir, { recursive: true, force: true });

  const budget: SizeReport['budget'] = [];
  budget.push({ check: 'builds', pass: full.failures.length === 0 });
  const maxRatio = BUDGET.ratio.filter(([size]) => size <= accounts).at(-1)![1];
  if (ratio !== null) budget.push({ check: `full ≤ ${maxRatio}× bare`, pass: ratio <= maxRatio });
  if (accounts >= BUDGET.searchAt)
    budget.push({ check: `memory ≤ ${BUDGET.memoryMb} MiB`, pass: full.failures.length === 0 && full.peakTreeRssMb <= BUDGET.memoryMb });
  if (output) {
    budget.push({ check: `directory pages ≤ ${BUDGET.pageKb} KB`, pass: output.ownPagesOver200Kb === 0 });
    budget.push({ check: `account page ≤ ${BUDGET.accountPageKb} KB`, pass: output.accountPage.totalKb <= BUDGET.accountPageKb });
    const perAccount = output.bytesKb.total! / accounts;
    budget.push({
      check: `output ${perAccount.toFixed(1)} KB per account ≤ ${BUDGET.outputPerAccountKb} KB`,
      pass: perAccount <= BUDGET.outputPerAccountKb,
    });
  }
  if (searchFigures && accounts >= BUDGET.searchAt) {
    budget.push({ check: `first query ≤ ${BUDGET.firstQueryKb} KB`, pass: searchFigures.firstKb <= BUDGET.firstQueryKb });
    budget.push({ check: `later queries ≤ ${BUDGET.laterQueryKb} KB`, pass: searchFigures.laterMaxKb <= BUDGET.laterQueryKb });
  }
  return {
    accounts,
    pages: last?.pages ?? null,
    searchRecords: last?.searchRecords ?? null,
    full,
    bare,
    ratio,
    routes: last?.routes ?? null,
    output,
    search: searchFigures,
    budget,
  };
}

function table(reports: SizeReport[]): string {
  const s = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const rows = [
    [
      'accounts',
      'pages',
      'full',
      'bare',
      'ratio',
      'full cpu',
      'bare cpu',
      'peak MiB',
      'largest own page',
      'account page',
      'first query',
      'later (max/median)',
    ],
    ...reports.map((r) => [
      r.accounts.toLocaleString('en'),
      r.pages?.toLocaleString('en') ?? '—',
      s(r.full.medianMs),
      s(r.bare.medianMs),
      r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
      s(r.full.medianCpuMs),
      s(r.bare.medianCpuMs),
      String(r.full.peakTreeRssMb),
      r.output ? `${r.output.largestOwnPage.kb} KB` : '—',
      r.output ? `${r.output.accountPage.totalKb} KB` : '—',
      r.search ? `${r.search.firstKb} KB` : '—',
      r.search ? `${r.search.laterMaxKb.toFixed(1)}/${r.search.laterMedianKb.toFixed(1)} KB` : '—',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padStart(widths[c]!)).join('  ');
  const lines = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), ''];
  for (const r of reports) {
    if (r.full.steps)
      lines.push(
        `${r.accounts}: steps (last run) validate ${s(r.full.steps.validate)}, astro ${s(r.full.steps.astro)}, then side by side the rest of the bulk routes ${s(r.full.steps.bulk ?? 0)} and writing the search index ${s(r.full.steps.search)} (${r.searchRecords} records)${r.full.steps.precompress ? `, then the .gz/.br copies ${s(r.full.steps.precompress)}` : ''}`,
      );
    if (r.routes) {
      const groups = Object.entries(r.routes).sort((a, b) => b[1].ms - a[1].ms);
      lines.push(
        `  render time by route (Astro's log): ${groups.map(([g, v]) => `${g} ${v.pages}p ${(v.ms / 1000).toFixed(1)} s`).join(' · ')}`,
      );
    }
    if (r.output)
      lines.push(
        `  largest page of the directory ${r.output.largestOwnPage.path} ${r.output.largestOwnPage.kb} KB (of the whole site ${r.output.largestPage.path} ${r.output.largestPage.kb} KB); largest account page ${r.output.accountPage.path} ${r.output.accountPage.htmlKb} KB HTML + ${r.output.accountPage.cssKb} KB CSS (median ${r.output.accountPage.medianTotalKb} KB)`,
        `  output per account (apparent size): ${Object.entries(r.output.bytesKb)
          .sort((a, b) => Number(a[0] === PRECOMPRESSED) - Number(b[0] === PRECOMPRESSED) || b[1] - a[1])
          .map(([group, kb]) => `${group} ${(kb / r.accounts).toFixed(1)} KB`)
          .join(' · ')}`,
      );
    if (r.search)
      lines.push(
        `  search: first "${r.search.firstQuery}" ${r.search.firstKb} KB; later ${r.search.laterKb.map((q) => `"${q.query}" ${q.kb} KB`).join(', ')}`,
      );
    lines.push(`  budget: ${r.budget.map((b) => `${b.check} ${b.pass ? 'PASS' : 'FAIL'}`).join('; ')}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean' },
      precompress: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run bench:build -- [--sizes 1000,20000,50000] [--runs N] [--seed S] [--keep] [--precompress]');
    return 0;
  }
  const sizes = (values.sizes ?? '1000,20000,50000').split(',').map(Number);
  const seed = values.seed ?? 'bench';
  mkdirSync(OUT_DIR, { recursive: true });
  const reports: SizeReport[] = [];
  for (const accounts of sizes) {
    const runs = Number(values.runs ?? (accounts >= 50_000 ? 1 : accounts >= 20_000 ? 3 : 5));
    console.log(`${accounts} accounts, ${runs} run(s)`);
    reports.push(await measure(accounts, runs, seed, values.keep ?? false, values.precompress ?? false));
  }
  console.log(`\n${table(reports)}`);
  writeFileSync(path.join(OUT_DIR, 'build.json'), `${JSON.stringify(reports, null, 2)}\n`);
  return reports.every((r) => r.budget.every((b) => b.pass)) ? 0 : 1;
}

process.exitCode = await main();
