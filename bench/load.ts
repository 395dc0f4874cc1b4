/**
 * `npm run bench:load [-- --site DIR] [--duration 10] [--connections 10]`
 *
 * Load test of the published site: the built site — the sample registry built into a
 * temporary folder (src/site/build.ts, "today" pinned to 2026-11-28), or an existing build with
 * `--site` — is served by a real static server, sirv-cli (node_modules/.bin/sirv), on 127.0.0.1
 * at a free port, and autocannon sends it, for `--duration` seconds (at most 30), a random but
 * seeded mix of what browsers fetch from it:
 *
 *   search   the Pagefind files the search page loads: entry JSON, metadata, index chunks and
 *            result fragments (weighted as a query loads them: one chunk, several fragments),
 *   verify   the JSON shards of the verify index under /verify/<version>/,
 *   pages    a few HTML pages (home, search, verify, a unit).
 *
 * Every URL is fetched once before the run and must answer 200. Reports requests per second
 * (mean and median of the per-second counts), latency p50/p99, throughput, non-2xx responses and
 * errors; writes bench/out/load.json; exits 1 on any error, timeout or non-2xx response. The
 * server is always stopped, also on failure or Ctrl-C. Loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/site/build.ts';
import { random } from './common.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const OUT_DIR = path.join(BENCH_DIR, 'out');
const SIRV = path.join(ROOT, 'node_modules', '.bin', 'sirv');
const AS_OF = '2026-11-28';
const MAX_DURATION = 30;
const HOST = '127.0.0.1';

// ---- autocannon (CommonJS, no bundled types): the part of its API used here ----
interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  mismatches: number;
  resets: number;
  non2xx: number;
  '2xx': number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: AutocannonRequest, context: object) => AutocannonRequest;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  pipelining: number;
  requests: AutocannonRequest[];
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult> & { stop?: () => void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---- arguments ----
const { values: args } = parseArgs({
  options: {
    site: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log('npm run bench:load [-- --site DIR] [--duration 10] [--connections 10] [--seed 1]');
  process.exit(0);
}
const duration = Number(args.duration);
const connections = Number(args.connections);
if (!Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION) {
  console.error(`--duration: whole seconds from 1 to ${MAX_DURATION}`);
  process.exit(2);
}
if (!Number.isInteger(connections) || connections < 1 || connections > 100) {
  console.error('--connections: 1 to 100');
  process.exit(2);
}

// ---- the URL mix ----
type Kind = 'search' | 'verify' | 'page';
interface Target {
  kind: Kind;
  path: string;
  weight: number;
}

/** Files of a directory (not recursive), sorted; empty when it does not exist. */
function files(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** At most `n` items of a list, evenly spread over it. */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

function targets(site: string): Target[] {
  const out: Target[] = [];
  const pf = path.join(site, 'pagefind');
  // One search: the entry file and metadata once (then cached), a chunk per term, ~5 fragments.
  for (const f of files(pf, /^pagefind-entry\.json$/)) out.push({ kind: 'search', path: `/pagefind/${f}`, weight: 2 });
  for (const f of files(pf, /\.pf_meta$/)) out.push({ kind: 'search', path: `/pagefind/${f}`, weight: 2 });
  const chunks = files(path.join(pf, 'index'), /\.pf_index$/);
  for (const f of chunks) out.push({ kind: 'search', path: `/pagefind/index/${f}`, weight: 4 / chunks.length });
  const fragments = spread(files(path.join(pf, 'fragment'), /\.pf_fragment$/), 200);
  for (const f of fragments) out.push({ kind: 'search', path: `/pagefind/fragment/${f}`, weight: 10 / fragments.length });
  // One verify lookup: one or two shards.
  const verifyDir = path.join(site, 'verify');
  const versions = existsSync(verifyDir) ? readdirSync(verifyDir).filter((d) => statSync(path.join(verifyDir, d)).isDirectory()) : [];
  const shards = versions.flatMap((v) => files(path.join(verifyDir, v), /\.json$/).map((f) => `/verify/${v}/${f}`));
  const sample = spread(shards, 300);
  for (const p of sample) out.push({ kind: 'verify', path: p, weight: 8 / sample.length });
  // Pages: the ones people land on, and a unit.
  const units = existsSync(path.join(site, 'units'))
    ? readdirSync(path.join(site, 'units'))
        .filter((d) => existsSync(path.join(site, 'units', d, 'index.html')))
        .sort()
    : [];
  for (const p of ['/', '/search/', '/verify/', ...units.slice(0, 1).map((u) => `/units/${u}/`)]) {
    if (existsSync(path.join(site, p, 'index.html'))) out.push({ kind: 'page', path: p, weight: 1 });
  }
  const missing = (['search', 'verify', 'page'] as Kind[]).filter((k) => !out.some((t) => t.kind === k));
  if (missing.length) throw new Error(`${site}: nothing of ${missing.join(', ')} found (is it a built site?)`);
  return out;
}

// ---- the server ----
interface Server {
  origin: string;
  child: ChildProcess;
}

const children = new Set<ChildProcess>();
function stopAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  children.clear();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** A free port on the loopback interface. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts sirv-cli on the site and waits until it answers (sirv moves to another port when the one asked for is taken; its banner says which). */
async function serve(site: string): Promise<Server> {
  const port = await freePort();
  // Run the .bin script with this Node (the project's Node 24) rather than whatever `env node` finds.
  const child = spawn(process.execPath, [SIRV, site, '--host', HOST, '--port', String(port), '--no-logs', '--no-clear'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '', PORT: '' },
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 15_000;

  const plain = () => output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`sirv exited (${child.exitCode ?? child.signalCode}):\n${plain()}`);
    const local = /Local:\s+(http:\/\/[^\s]+)/.exec(plain())?.[1];
    if (local) {
      const origin = new URL(local).origin.replace('localhost', HOST);
      if (new URL(origin).hostname !== HOST) throw new Error(`sirv is not on loopback: ${origin}`);
      try {
        const response = await fetch(`${origin}/`);
        await response.arrayBuffer();
        if (response.ok) return { origin, child };
      } catch {
        // not yet answering
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sirv did not answer within 15 s:\n${plain()}`);
}

async function stop(server: Server | null) {
  if (!server) return;
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.delete(child);
}

// ---- main ----
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<number> {
  let tmp: string | null = null;
  let server: Server | null = null;
  try {
    let site: string;
    let build: { seconds: number; pages: number; searchRecords: number } | null = null;
    if (args.site) {
      site = path.resolve(args.site);
      if (!existsSync(path.join(site, 'index.html'))) throw new Error(`${site}: no index.html (build the site first, or leave out --site)`);
    } else {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'registry-bench-load-'));
      site = path.join(tmp, 'dist');
      process.stdout.write('building the sample site … ');
      const t = performance.now();
      const result = await buildSite({
        dataDir: path.join(ROOT, 'data'),
        asOf: AS_OF,
        outDir: site,
        base: '/',
        site: 'https://registry.example',
      });
      build = { seconds: (performance.now() - t) / 1000, pages: result.pages, searchRecords: result.searchRecords };
      console.log(`${build.pages} pages, ${build.searchRecords} search records, ${fmt(build.seconds, 1)} s`);
    }

    const list = targets(site);
    server = await serve(site);
    console.log(`sirv ${server.origin} serving ${site}`);

    // Every URL once: a wrong path would otherwise only show up as a non-2xx count.
    const bad: string[] = [];
    for (const t of list) {
      const response = await fetch(server.origin + t.path);
      await response.arrayBuffer();
      if (response.status !== 200) bad.push(`${response.status} ${t.path}`);
    }
    if (bad.length) throw new Error(`URLs that do not answer 200:\n  ${bad.join('\n  ')}`);

    const byKind = Object.fromEntries((['search', 'verify', 'page'] as Kind[]).map((k) => [k, list.filter((t) => t.kind === k)]));
    const totalWeight = list.reduce((s, t) => s + t.weight, 0);
    const share = (k: Kind) => byKind[k]!.reduce((s, t) => s + t.weight, 0) / totalWeight;
    console.log(
      `mix: ${list.length} URLs — search ${byKind.search!.length} (${fmt(share('search') * 100)} %), verify ${byKind.verify!.length} (${fmt(share('verify') * 100)} %), pages ${byKind.page!.length} (${fmt(share('page') * 100)} %)`,
    );

    // Weighted random pick, seeded.
    const cumulative: number[] = [];
    let acc = 0;
    for (const t of list) cumulative.push((acc += t.weight));
    const rand = random(Number.parseInt(args.seed!, 10) || 1);
    const pick = () => {
      const x = rand() * acc;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return list[lo]!.path;
    };

    console.log(`autocannon: ${connections} connections, ${duration} s …`);
    const result = await autocannon({
      url: server.origin,
      connections,
      duration,
      timeout: 5,
      pipelining: 1,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pick() }) }],
    });

    const summary = {
      date: new Date().toISOString(),
      node: process.version,
      server: 'sirv-cli (node_modules/.bin/sirv), 127.0.0.1',
      site: args.site ? site : `sample data, as of ${AS_OF}`,
      build,
      mix: {
        urls: list.length,
        search: byKind.search!.length,
        verify: byKind.verify!.length,
        pages: byKind.page!.length,
        shares: { search: share('search'), verify: share('verify'), page: share('page') },
      },
      connections,
      durationSeconds: result.duration,
      requests: {
        total: result.requests.total,
        perSecondMean: result.requests.mean,
        perSecondP50: result.requests.p50,
        perSecondMin: result.requests.min,
      },
      latencyMs: {
        mean: result.latency.mean,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      throughputBytesPerSecond: { mean: result.throughput.mean, p50: result.throughput.p50 },
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
      ok2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      resets: result.resets,
    };
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'load.json'), JSON.stringify(summary, null, 2) + '\n');

    const rows: [string, string][] = [
      ['requests', `${fmt(summary.requests.total)} in ${fmt(summary.durationSeconds, 1)} s`],
      ['req/s mean', fmt(summary.requests.perSecondMean)],
      ['req/s p50', fmt(summary.requests.perSecondP50)],
      ['latency p50', `${fmt(summary.latencyMs.p50, 1)} ms`],
      ['latency p99', `${fmt(summary.latencyMs.p99, 1)} ms`],
      ['throughput', `${fmt(summary.throughputBytesPerSecond.mean / 1024 / 1024, 1)} MiB/s`],
      ['non-2xx', fmt(summary.non2xx)],
      ['errors', `${fmt(summary.errors)} (timeouts ${fmt(summary.timeouts)})`],
    ];
    for (const [k, v] of rows) console.log(`  ${k.padEnd(12)} ${v}`);
    console.log(`wrote ${path.relative(ROOT, path.join(OUT_DIR, 'load.json'))}`);

    const failed = summary.errors > 0 || summary.timeouts > 0 || summary.non2xx > 0 || summary.requests.total === 0;
    if (failed) console.error('FAIL: errors, timeouts or non-2xx responses under load');
    return failed ? 1 : 0;
  } finally {
    await stop(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    stopAll();
    process.exit(1);
  },
);
