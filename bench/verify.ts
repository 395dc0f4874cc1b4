/**
 * `npm run bench:verify [-- --accounts 100000] [--seed S] [--runs N] [--lookups N] [--data DIR]`
 * (`--stop-bytes`, `--gram-bytes`, `--exact-bytes` override the index's tuning for experiments)
 *
 * The verify index at national scale (100k+ accounts): on a generated dataset (cached under
 * bench/out/datasets/ like bench:validate; `--data` uses an existing data directory instead)
 * it measures
 *
 *   build     buildVerifyIndex(registry): median wall time of `--runs` builds,
 *   size      shard count and sizes (raw and gzip; median and max), the name index (name-gram
 *             shards) and the configuration embedded in the verify page,
 *   lookups   `--lookups` queries sampled from the data (links with mobile hosts and tracking
 *             parameters, handles, identifiers, names, former names, closed accounts, impostors,
 *             look-alikes made by padding, traditional characters and one changed character,
 *             unit names, unknown text) run through the same lookup code as the page, counting
 *             the shard files fetched and their bytes: median and max per lookup, per kind and
 *             overall, and how often the expected verdict (and, for look-alikes, the account)
 *             came back.
 *
 * Budget: ≤ 2 requests and ≤ 50 KB (raw JSON, before compression) per lookup, at every lookup.
 * Prints a table, writes bench/out/verify.json; exit 1 when the budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import { DEFAULT_AS_OF } from '../src/lib/generate/index.ts';
import type { Account, Registry } from '../src/lib/model.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { buildVerifyIndex, type BuildIndexOptions, type VerifyIndex } from '../src/lib/verify/build.ts';
import { lookupKey } from '../src/shared/normalize.ts';
import type { Shard } from '../src/shared/verify/format.ts';
import { skeleton } from '../src/shared/verify/grams.ts';
import { verify, type Verdict } from '../src/shared/verify/lookup.ts';
import { cachedDataset, median, random } from './common.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(BENCH_DIR, 'out');
const DATASETS_DIR = path.join(OUT_DIR, 'datasets');
const AS_OF = DEFAULT_AS_OF;
const BUDGET = { requests: 2, bytes: 50 * 1024 };

interface Sample {
  kind: string;
  query: string;
  /** Verdicts that are right for it. */
  expect: Verdict[];
  /** For look-alikes: the account that should be listed (or another of the same name). */
  account?: string;
  /** Its name. */
  accountName?: string;
}

/** Mobile and tracking variants of an account's URL, as people share them. */
function sharedUrl(a: Account, rnd: () => number): string {
  const url = a.url!;
  if (a.platform === 'weibo') return url.replace('https://weibo.com/u/', 'https://m.weibo.cn/u/') + '?from=timeline&luicode=10000011';
  if (a.platform === 'wechat') return `${url}&scene=124#wechat_redirect`;
  if (a.platform === 'douyin') return `${url}?from_tab_name=main&utm_source=copy`;
  if (a.platform === 'bilibili')
    return `${url.replace('https://space.bilibili.com/', 'https://m.bilibili.com/space/')}?spm_id_from=333.1007`;
  // Some apps upper-case the host; the path identifies the account and keeps its case.
  return rnd() < 0.5 ? `${url}?share_from=user&utm_medium=app` : url.replace(/^https:\/\/[^/]+/, (h) => h.toUpperCase());
}

const CJK_FILLER = '云霞星河春秋山海风雨雪月花草木石金玉竹松梅兰菊桃李';

/** Queries sampled from the registry, `count` in all, spread over the kinds. */
function samples(registry: Registry, count: number, seed: number): Sample[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rnd() * list.length)];
  const t2 = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const active = registry.accounts.filter((a) => a.status === 'active');
  const closed = registry.accounts.filter((a) => a.status !== 'active');
  const withUrl = active.filter((a) => a.url);
  const withIdent = active.filter((a) => a.identifiers.length > 0);
  const renamed = registry.accounts.filter((a) => a.formerNames.length > 0);
  const editable = active.filter(
    (x) => Array.from(skeleton(x.name)).length >= 5 && lookupKey(x.name) === x.name && x.name.includes(skeleton(x.name)),
  );
  /** The name with the character at `at` (modulo the skeleton's length) of its skeleton replaced. */
  const changeOne = (name: string, at: number) => {
    const core = skeleton(name);
    const chars = Array.from(core);
    const i = at % chars.length;
    let c = chars[i]!;
    while (c === chars[i]) c = CJK_FILLER[Math.floor(rnd() * CJK_FILLER.length)]!;
    chars[i] = c;
    return name.replace(core, chars.join(''));
  };
  const out: Sample[] = [];
  const kinds: (() => Sample | undefined)[] = [
    () => {
      const a = pick(withUrl);
      return a && { kind: 'url', query: sharedUrl(a, rnd), expect: ['official'] };
    },
    () => {
      const a = pick(active);
      return a && { kind: 'handle', query: rnd() < 0.5 ? `@${a.handle.toUpperCase()}` : a.handle, expect: ['official'] };
    },
    () => {
      const a = pick(withIdent);
      return a && { kind: 'identifier', query: pick(a.identifiers)!, expect: ['official'] };
    },
    () => {
      const a = pick(active);
      // A name shared with an impostor or a closed account still has an official holder.
      return a && { kind: 'name', query: a.name, expect: ['official'] };
    },
    () => {
      const a = pick(renamed);
      return a && { kind: 'former-name', query: pick(a.formerNames)!.value, expect: ['former', 'official', 'closed', 'impostor'] };
    },
    () => {
      const a = pick(closed);
      return a && { kind: 'closed', query: rnd() < 0.5 ? a.handle : (a.url ?? a.handle), expect: ['closed'] };
    },
    () => {
      const i = pick(registry.impostors);
      return i && { kind: 'impostor', query: i.handle ?? i.url ?? i.name, expect: ['impostor'] };
    },
    () => {
      const a = pick(active);
      return (
        a && {
          kind: 'lookalike-padding',
          query: `${a.name}${pick(['官方', '官方号', '服务号', '政务'])}`,
          expect: ['lookalike', 'impostor'],
          account: a.id,
        }
      );
    },
    () => {
      const a = pick(active.filter((x) => t2(x.name) !== x.name));
      return a && { kind: 'lookalike-traditional', query: t2(a.name), expect: ['lookalike'], account: a.id };
    },
    // One character of the name's core (its skeleton, five characters or more: in shorter names
    // one other character usually makes another place's name) changed: at
    // any position, then at the first one (the hardest case for the gram index).
    () => {
      const a = pick(editable);
      return (
        a && {
          kind: 'lookalike-edit',
          query: changeOne(a.name, 1 + Math.floor(rnd() * 1000)),
          expect: ['lookalike', 'official', 'former', 'closed', 'impostor'],
          account: a.id,
        }
      );
    },
    () => {
      const a = pick(editable);
      return (
        a && {
          kind: 'lookalike-first-char',
          query: changeOne(a.name, 0),
          expect: ['lookalike', 'official', 'former', 'closed', 'impostor'],
          account: a.id,
        }
      );
    },
    () => {
      const u = pick(registry.units);
      // A unit's name may also be an account's former name (accounts named after their unit).
      return u && { kind: 'unit-name', query: u.name, expect: ['lookalike', 'former'] };
    },
    () => {
      const len = 4 + Math.floor(rnd() * 4);
      let q = '';
      for (let i = 0; i < len; i++) q += String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000));
      return { kind: 'unknown-name', query: q, expect: ['unknown', 'lookalike'] };
    },
    () => ({ kind: 'unknown-handle', query: `zz${Math.floor(rnd() * 1e9).toString(36)}q`, expect: ['unknown'] }),
  ];
  for (let i = 0; out.length < count && i < count * 4; i++) {
    const s = kinds[i % kinds.length]!();
    if (s?.account) s.accountName = registry.accountById.get(s.account)?.name;
    if (s) out.push(s);
  }
  return out;
}

interface LookupStats {
  requests: number[];
  bytes: number[];
  gzipBytes: number[];
  expected: number;
  listed: number;
  lookalikeSamples: number;
}

async function runLookups(index: VerifyIndex, list: Sample[]) {
  const gz = new Map<string, number>();
  const gzipOf = (file: string, text: string) => {
    let n = gz.get(file);
    if (n === undefined) gz.set(file, (n = gzipSync(text).length));
    return n;
  };
  const byKind = new Map<string, LookupStats>();
  const all: LookupStats = { requests: [], bytes: [], gzipBytes: [], expected: 0, listed: 0, lookalikeSamples: 0 };
  const misses: string[] = [];
  for (const s of list) {
    let bytes = 0;
    let gzipBytes = 0;
    const fetcher = async (file: string): Promise<Shard> => {
      const text = index.files.get(file);
      if (text === undefined) throw new Error(`no shard ${file}`);
      bytes += Buffer.byteLength(text);
      gzipBytes += gzipOf(file, text);
      return JSON.parse(text) as Shard;
    };
    const result = await verify(s.query, index.config, fetcher);
    let st = byKind.get(s.kind);
    if (!st) byKind.set(s.kind, (st = { requests: [], bytes: [], gzipBytes: [], expected: 0, listed: 0, lookalikeSamples: 0 }));
    for (const target of [st, all]) {
      target.requests.push(result.requests);
      target.bytes.push(bytes);
      target.gzipBytes.push(gzipBytes);
      if (s.expect.includes(result.verdict)) target.expected++;
      if (s.account) {
        target.lookalikeSamples++;
        const same = (id: string, name: string) => id === s.account || name === s.accountName;
        const listed =
          result.lookalikes.some((l) => same(l.id, l.name)) ||
          (result.primary !== undefined && same(result.primary.rec.id, result.primary.rec.n)) ||
          result.others.some((m) => same(m.rec.id, m.rec.n));
        if (listed) target.listed++;
      }
    }
    if (!s.expect.includes(result.verdict) && misses.length < 12) misses.push(`${s.kind}: ${s.query} → ${result.verdict}`);
  }
  return { byKind, all, misses };
}

function summarise(st: LookupStats) {
  return {
    lookups: st.requests.length,
    requests: { median: median(st.requests), max: Math.max(...st.requests) },
    bytes: { median: median(st.bytes), max: Math.max(...st.bytes) },
    gzipBytes: { median: median(st.gzipBytes), max: Math.max(...st.gzipBytes) },
    expectedVerdict: st.expected / st.requests.length,
    ...(st.lookalikeSamples ? { accountListed: st.listed / st.lookalikeSamples } : {}),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      lookups: { type: 'string' },
      data: { type: 'string' },
      'stop-bytes': { type: 'string' },
      'gram-bytes': { type: 'string' },
      'exact-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  // Tuning knobs (defaults: those of buildVerifyIndex, i.e. of the published site).
  const buildOptions: BuildIndexOptions = {
    ...(values['stop-bytes'] ? { stopBytes: Number(values['stop-bytes']) } : {}),
    ...(values['gram-bytes'] ? { gramShardBytes: Number(values['gram-bytes']) } : {}),
    ...(values['exact-bytes'] ? { exactShardBytes: Number(values['exact-bytes']) } : {}),
  };
  if (values.help) {
    process.stdout.write(
      'usage: npm run bench:verify [-- --accounts 100000] [--seed bench] [--runs 3] [--lookups 3000] [--data DIR] [--stop-bytes N --gram-bytes N --exact-bytes N]\n',
    );
    return 0;
  }
  const accounts = Number(values.accounts ?? 100_000);
  const runs = Number(values.runs ?? 3);
  const lookups = Number(values.lookups ?? 3000);
  const { dir, summary } = values.data
    ? { dir: path.resolve(values.data), summary: null }
    : cachedDataset(DATASETS_DIR, accounts, values.seed ?? 'bench', AS_OF);

  process.stdout.write(`loading ${dir} … `);
  let started = performance.now();
  const { registry, stats } = loadRegistry(dir, { asOf: AS_OF });
  if (!registry) throw new Error('the dataset has no model (site, policy or platforms invalid)');
  const loadMs = performance.now() - started;
  process.stdout.write(
    `${(loadMs / 1000).toFixed(1)} s (${stats.accounts} accounts, ${stats.units} units, ${stats.impostors} impostors)\n`,
  );

  const buildMs: number[] = [];
  let index: VerifyIndex | undefined;
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    index = buildVerifyIndex(registry, buildOptions);
    buildMs.push(performance.now() - started);
    process.stdout.write(`  build ${i + 1}: ${(buildMs[i]! / 1000).toFixed(2)} s\n`);
  }
  const idx = index!;

  const sizes = { x: [] as number[], g: [] as number[] };
  const gzSizes = { x: [] as number[], g: [] as number[] };
  for (const [file, text] of idx.files) {
    const kind = file[0] as 'x' | 'g';
    sizes[kind].push(Buffer.byteLength(text));
    gzSizes[kind].push(gzipSync(text).length);
  }
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const configText = JSON.stringify(idx.config);
  const shardReport = (kind: 'x' | 'g') => ({
    count: sizes[kind].length,
    totalBytes: sum(sizes[kind]),
    totalGzipBytes: sum(gzSizes[kind]),
    medianBytes: median(sizes[kind]),
    maxBytes: Math.max(...sizes[kind]),
    medianGzipBytes: median(gzSizes[kind]),
    maxGzipBytes: Math.max(...gzSizes[kind]),
  });

  const list = samples(registry, lookups, 20261128);
  const { byKind, all, misses } = await runLookups(idx, list);
  const overall = summarise(all);
  const budget = [
    { check: `≤ ${BUDGET.requests} requests per lookup (max)`, pass: overall.requests.max <= BUDGET.requests },
    { check: `≤ ${BUDGET.bytes / 1024} KB per lookup (max, raw)`, pass: overall.bytes.max <= BUDGET.bytes },
  ];
  const report = {
    accounts: stats.accounts,
    units: stats.units,
    impostors: stats.impostors,
    dataset: summary,
    loadSeconds: loadMs / 1000,
    build: { runsMs: buildMs, medianMs: median(buildMs) },
    keys: { exact: idx.stats.exactKeys, names: idx.stats.nameKeys },
    stopGrams: idx.stats.stopGrams,
    exactShards: shardReport('x'),
    nameIndex: shardReport('g'),
    pageConfig: { bytes: Buffer.byteLength(configText), gzipBytes: gzipSync(configText).length },
    lookups: { overall, byKind: Object.fromEntries([...byKind].map(([k, st]) => [k, summarise(st)])) },
    misses,
    budget,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'verify.json'), `${JSON.stringify(report, null, 2)}\n`);

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const lines = [
    '',
    `verify index, ${stats.accounts.toLocaleString('en')} accounts (${stats.units.toLocaleString('en')} units, ${stats.impostors} impostors)`,
    `  build (median of ${runs})  ${(report.build.medianMs / 1000).toFixed(2)} s`,
    `  keys                 ${idx.stats.exactKeys.toLocaleString('en')} exact, ${idx.stats.nameKeys.toLocaleString('en')} names; ${idx.stats.stopGrams} stop grams`,
    `  exact shards         ${report.exactShards.count} files, ${mb(report.exactShards.totalBytes)} (${mb(report.exactShards.totalGzipBytes)} gzip); median ${kb(report.exactShards.medianBytes)}, max ${kb(report.exactShards.maxBytes)} (${kb(report.exactShards.maxGzipBytes)} gzip)`,
    `  name index           ${report.nameIndex.count} files, ${mb(report.nameIndex.totalBytes)} (${mb(report.nameIndex.totalGzipBytes)} gzip); median ${kb(report.nameIndex.medianBytes)}, max ${kb(report.nameIndex.maxBytes)} (${kb(report.nameIndex.maxGzipBytes)} gzip)`,
    `  page configuration   ${kb(report.pageConfig.bytes)} (${kb(report.pageConfig.gzipBytes)} gzip)`,
    '',
    '  lookups               n   requests med/max   bytes med/max (raw)    gzip med/max   verdict  listed',
  ];
  const row = (name: string, s: ReturnType<typeof summarise>) =>
    `  ${name.padEnd(22)}${String(s.lookups).padStart(4)}   ${`${s.requests.median}/${s.requests.max}`.padStart(16)}   ${`${kb(s.bytes.median)}/${kb(s.bytes.max)}`.padStart(20)}   ${`${kb(s.gzipBytes.median)}/${kb(s.gzipBytes.max)}`.padStart(13)}   ${`${(s.expectedVerdict * 100).toFixed(0)}%`.padStart(6)}  ${s.accountListed === undefined ? '' : `${(s.accountListed * 100).toFixed(0)}%`.padStart(6)}`;
  for (const [k, st] of byKind) lines.push(row(k, summarise(st)));
  lines.push(row('all', overall), '');
  if (misses.length) lines.push('  unexpected verdicts (first ones):', ...misses.map((m) => `    ${m}`), '');
  for (const b of budget) lines.push(`  budget ${b.check}: ${b.pass ? 'PASS' : 'FAIL'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return budget.every((b) => b.pass) ? 0 : 1;
}

process.exitCode = await main();
