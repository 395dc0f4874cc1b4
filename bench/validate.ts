/**
 * `npm run bench:validate [-- --sizes 1000,20000,100000] [--runs N] [--seed S]`
 *
 * How fast and how lean is validation at county (a few hundred accounts), province (~20k) and
 * country (100k+) scale?
 * For each size, a synthetic dataset is generated once and cached under bench/out/datasets/
 * (git-ignored; regenerated when the generator or the shared data files change). Then, in a
 * fresh child process per run (bench/validate-worker.ts), it measures
 *
 *   floor     read every .yaml file and yaml.parse it,
 *   validate  loadRegistry(dir, { asOf: '2026-11-28' }),
 *
 * and reports the median wall time of each, the ratio validate/floor and the peak RSS of the
 * validation process; it prints a table and writes bench/out/validate.json.
 *
 * Budget: 20k accounts validate in ≤ 10 s and ≤ 3× the floor; 100k accounts must not run out
 * of memory. Exit 1 when a budget is missed (0 otherwise), so CI can run it on demand.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, type GenerateSummary } from '../src/lib/generate/index.ts';
import type { WorkerResult } from './validate-worker.ts';
import { cachedDataset, generatorFingerprint, median } from './common.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(BENCH_DIR, 'out');
const DATASETS_DIR = path.join(OUT_DIR, 'datasets');
const WORKER = path.join(BENCH_DIR, 'validate-worker.ts');
const AS_OF = DEFAULT_AS_OF;

const DEFAULT_SIZES = [1000, 20_000, 100_000];
/** Runs per size when `--runs` is not given: fewer for the slow national size. */
const defaultRuns = (accounts: number) => (accounts >= 100_000 ? 3 : 5);

/** The budget: 20k accounts (a province) validate in ≤ 10 s at ≤ 3× the parse floor; 100k without running out of memory. */
const BUDGET = { accounts: 20_000, maxSeconds: 10, maxRatio: 3, noOomAccounts: 100_000 };

interface Measured {
  runsMs: number[];
  medianMs: number;
  /** CPU time (user + system) per run and its median: a cross-check when the machine is busy. */
  cpuRunsMs: number[];
  medianCpuMs: number;
  maxRssKb: number;
  failures: string[];
}

interface SizeReport {
  accounts: number;
  files: number;
  megabytes: number;
  generator: GenerateSummary | null;
  datasetChanged: boolean;
  loaderChanged: boolean;
  /** Fingerprint of src/lib when the runs started. */
  loader: string;
  floor: Measured;
  validate: Measured & { ok: boolean | null; errors: number | null; warnings: number | null };
  ratio: number | null;
  budget: { check: string; pass: boolean }[];
}

/** Fingerprint of the loader's source (src/lib, without the generator): a change mid-run mixes versions. */
function loaderFingerprint(): string {
  const hash = createHash('sha256');
  const lib = path.resolve(BENCH_DIR, '../src/lib');
  const files = readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith(`generate${path.sep}`))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(path.join(lib, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The commit the working tree is on and how many files differ from it. */
function gitState(): { head: string; changedFiles: number } | null {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8', cwd: path.resolve(BENCH_DIR, '..') });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain');
  if (head.status !== 0 || status.status !== 0) return null;
  return { head: head.stdout.trim(), changedFiles: status.stdout.split('\n').filter(Boolean).length };
}

/** One run in a fresh process. */
function runWorker(mode: 'floor' | 'validate', dir: string): WorkerResult | { error: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', WORKER, mode, dir, AS_OF], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    cwd: path.resolve(BENCH_DIR, '..'),
  });
  const line = child.stdout?.trim().split('\n').at(-1);
  if (child.status === 0 && line) return JSON.parse(line) as WorkerResult;
  const stderr = child.stderr ?? '';
  const oom = /heap out of memory|Allocation failed/i.test(stderr);
  const why = oom ? 'out of memory' : child.signal ? `killed by ${child.signal}` : `exit ${child.status}`;
  return { error: `${why}${oom ? '' : `: ${stderr.trim().split('\n').slice(-3).join(' | ')}`}` };
}

function emptyMeasure(): Measured {
  return { runsMs: [], medianMs: NaN, cpuRunsMs: [], medianCpuMs: NaN, maxRssKb: 0, failures: [] };
}

function measure(accounts: number, runs: number, seed: string, fingerprint: string): SizeReport {
  const { dir, summary, stampFile } = cachedDataset(DATASETS_DIR, accounts, seed, AS_OF, fingerprint);
  const stampBefore = readFileSync(stampFile, 'utf8');
  const loaderBefore = loaderFingerprint();
  // Warm the page cache so the first measured run does not pay for the disk.
  runWorker('floor', dir);
  const floor = emptyMeasure();
  const validate = { ...emptyMeasure(), ok: null as boolean | null, errors: null as number | null, warnings: null as number | null };
  let files = 0;
  for (let i = 1; i <= runs; i++) {
    for (const [mode, into] of [
      ['floor', floor],
      ['validate', validate],
    ] as const) {
      const r = runWorker(mode, dir);
      if ('error' in r) {
        into.failures.push(r.error);
        process.stdout.write(`  run ${i} ${mode}: FAILED (${r.error})\n`);
        continue;
      }
      into.runsMs.push(r.ms);
      into.cpuRunsMs.push(r.cpuMs);
      into.maxRssKb = Math.max(into.maxRssKb, r.maxRssKb);
      files = r.files;
      if (mode === 'validate') {
        // Keep the worst run: one run with errors means the dataset was not valid throughout.
        validate.ok = (validate.ok ?? true) && r.ok === true;
        validate.errors = Math.max(validate.errors ?? 0, r.errors ?? 0);
        validate.warnings = Math.max(validate.warnings ?? 0, r.warnings ?? 0);
      }
      process.stdout.write(
        `  run ${i} ${mode.padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(7)} s wall ${(r.cpuMs / 1000).toFixed(2).padStart(7)} s cpu ${(r.maxRssKb / 1024).toFixed(0).padStart(5)} MiB\n`,
      );
    }
  }
  // bench/verify.ts and bench/compliance.ts share the cache: if one of them regenerated the
  // dataset meanwhile (the generator changed), these runs measured a moving target.
  const datasetChanged = !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stampBefore;
  if (datasetChanged)
    process.stdout.write('  WARNING: the cached dataset was regenerated by another process during these runs; run again\n');
  const loaderChanged = loaderFingerprint() !== loaderBefore;
  if (loaderChanged)
    process.stdout.write('  WARNING: src/lib changed during these runs: they measured more than one version of the loader\n');
  for (const m of [floor, validate]) {
    m.medianMs = median(m.runsMs);
    m.medianCpuMs = median(m.cpuRunsMs);
  }
  const ratio = floor.runsMs.length && validate.runsMs.length ? validate.medianMs / floor.medianMs : null;

  const budget: SizeReport['budget'] = [];
  if (validate.ok === false) budget.push({ check: 'dataset validates with 0 errors', pass: false });
  if (datasetChanged) budget.push({ check: 'dataset unchanged during the runs', pass: false });
  if (loaderChanged) budget.push({ check: 'loader unchanged during the runs', pass: false });
  if (accounts === BUDGET.accounts) {
    budget.push({ check: `validate ≤ ${BUDGET.maxSeconds} s`, pass: validate.medianMs <= BUDGET.maxSeconds * 1000 });
    budget.push({ check: `validate ≤ ${BUDGET.maxRatio}× floor`, pass: ratio !== null && ratio <= BUDGET.maxRatio });
  }
  if (accounts >= BUDGET.noOomAccounts) {
    budget.push({
      check: 'no out-of-memory',
      pass: !validate.failures.some((f) => f.includes('out of memory')) && validate.failures.length === 0,
    });
  }
  const bytes = summary?.bytes ?? 0;
  return {
    accounts,
    files,
    megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10,
    generator: summary,
    datasetChanged,
    loaderChanged,
    loader: loaderBefore,
    floor,
    validate,
    ratio,
    budget,
  };
}

function table(reports: SizeReport[]): string {
  const s = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`);
  const mib = (kb: number) => (kb ? `${(kb / 1024).toFixed(0)} MiB` : '—');
  const rows = [
    [
      'accounts',
      'files',
      'MiB',
      'floor',
      'validate',
      'ratio',
      'floor cpu',
      'validate cpu',
      'validate RSS',
      'floor RSS',
      'errors/warnings',
      'budget',
    ],
    ...reports.map((r) => [
      r.accounts.toLocaleString('en'),
      r.files.toLocaleString('en'),
      String(r.megabytes),
      s(r.floor.medianMs),
      s(r.validate.medianMs),
      r.ratio === null ? '—' : `${r.ratio.toFixed(1)}×`,
      s(r.floor.medianCpuMs),
      s(r.validate.medianCpuMs),
      mib(r.validate.maxRssKb),
      mib(r.floor.maxRssKb),
      r.validate.errors === null ? '—' : `${r.validate.errors}/${r.validate.warnings}`,
      r.budget.length === 0 ? '—' : r.budget.map((b) => `${b.check}: ${b.pass ? 'PASS' : 'FAIL'}`).join('; '),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c < 11 ? cell.padStart(widths[c]!) : cell)).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function main(): number {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench:validate [-- --sizes 1000,20000,100000] [--runs N] [--seed S]\n');
    return 0;
  }
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim())) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    process.stderr.write(`bench:validate: --sizes must be whole numbers ≥ 1, e.g. 1000,20000 (got ${values.sizes})\n`);
    return 2;
  }
  const runsOption = values.runs === undefined ? undefined : Number(values.runs);
  if (runsOption !== undefined && (!Number.isSafeInteger(runsOption) || runsOption < 1)) {
    process.stderr.write(`bench:validate: --runs must be a whole number ≥ 1 (got ${values.runs})\n`);
    return 2;
  }
  const seed = values.seed ?? 'bench';
  const fingerprint = generatorFingerprint();

  const loadBefore = os.loadavg();
  const reports: SizeReport[] = [];
  for (const accounts of sizes) {
    const runs = runsOption ?? defaultRuns(accounts);
    process.stdout.write(`${accounts} accounts, ${runs} runs each:\n`);
    reports.push(measure(accounts, runs, seed, fingerprint));
  }

  process.stdout.write(`\nmedians of wall and CPU time (work only, module loading excluded); RSS = peak of all runs\n${table(reports)}\n`);
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    asOf: AS_OF,
    seed,
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      // Other processes on the machine disturb wall times; CPU times are the cross-check.
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    git: gitState(),
    budget: BUDGET,
    sizes: reports,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'validate.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(OUT_DIR, 'validate.json'))}\n`);
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  process.stdout.write(
    `load average before ${load(loadBefore)}, after ${load(os.loadavg())} on ${cpus.length} cores (other load stretches wall times; CPU times less so)\n`,
  );
  const failed = reports.flatMap((r) => r.budget).filter((b) => !b.pass);
  if (failed.length > 0) process.stdout.write(`budget: FAIL (${failed.map((b) => b.check).join('; ')})\n`);
  else process.stdout.write('budget: PASS\n');
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main();
