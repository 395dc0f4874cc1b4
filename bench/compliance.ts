/**
 * `npm run bench:compliance [-- --sizes 1000,20000,100000] [--runs N] [--seed S]`
 *
 * How long the compliance engine takes at county, province (~20k accounts) and country scale: for
 * each size a synthetic dataset (src/lib/generate/, cached under bench/out/compliance-datasets/,
 * git-ignored) is loaded once in a fresh process (bench/compliance-worker.ts), then the compliance model
 * (computeCompliance), the annual assessment (annualSummary) and the weekly report (Markdown,
 * HTML and CSV) are each timed `runs` times. Prints the medians and the peak RSS, and writes
 * bench/out/compliance.json.
 *
 * Budget: the model of 20k accounts in ≤ 2 s of CPU time (it runs once per site build and per
 * report; CPU time, because wall time on a shared machine measures the neighbours). Exit 1 when
 * the budget is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, writeDataset } from '../src/lib/generate/index.ts';
import type { ComplianceWorkerResult } from './compliance-worker.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(BENCH_DIR, 'out');
const WORKER = path.join(BENCH_DIR, 'compliance-worker.ts');
const BUDGET = { accounts: 20_000, modelCpuSeconds: 2 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,20000,100000' },
    runs: { type: 'string' },
    seed: { type: 'string', default: 'bench' },
  },
  strict: true,
});
const sizes = values.sizes.split(',').map(Number);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The dataset of a size, generated once into bench/out/compliance-datasets/ (its own copy, so a
 * concurrent bench:validate regenerating its cache cannot pull it away mid-run). Delete that
 * folder after changing the generator.
 */
function dataset(accounts: number, seed: string): string {
  const dir = path.join(OUT_DIR, 'compliance-datasets', `n${accounts}-seed-${seed.replace(/[^A-Za-z0-9-]/g, '_')}`, 'data');
  const done = path.join(path.dirname(dir), 'complete');
  if (!existsSync(done)) {
    rmSync(path.dirname(dir), { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    process.stdout.write(`  generating ${accounts} accounts …\n`);
    writeDataset(dir, { accounts, seed, asOf: DEFAULT_AS_OF });
    writeFileSync(done, `${DEFAULT_AS_OF}\n`);
  }
  return dir;
}

const reports: (ComplianceWorkerResult & {
  modelMedianMs: number;
  modelCpuMedianMs: number;
  annualMedianMs: number;
  reportMedianMs: number;
})[] = [];
let ok = true;
for (const size of sizes) {
  const runs = Number(values.runs ?? (size >= 100_000 ? 3 : 5));
  const dir = dataset(size, values.seed);
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', WORKER, dir, DEFAULT_AS_OF, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    cwd: path.resolve(BENCH_DIR, '..'),
  });
  const line = child.stdout?.trim().split('\n').at(-1);
  if (child.status !== 0 || !line) {
    process.stdout.write(`${size}: FAILED ${child.stderr?.trim().split('\n').slice(-3).join(' | ')}\n`);
    ok = false;
    continue;
  }
  const r = JSON.parse(line) as ComplianceWorkerResult;
  const report = {
    ...r,
    modelMedianMs: median(r.modelMs),
    modelCpuMedianMs: median(r.modelCpuMs),
    annualMedianMs: median(r.annualMs),
    reportMedianMs: median(r.reportMs),
  };
  reports.push(report);
  process.stdout.write(
    `${String(r.accounts).padStart(7)} accounts, ${r.units} units, ${r.inspections} inspections, ${r.issues} issues: ` +
      `load ${(r.loadMs / 1000).toFixed(2)} s · model ${report.modelMedianMs.toFixed(0)} ms (CPU ${report.modelCpuMedianMs.toFixed(0)} ms) · annual ${report.annualMedianMs.toFixed(0)} ms · ` +
      `weekly report ${report.reportMedianMs.toFixed(0)} ms (medians of ${runs}) · peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB\n`,
  );
  if (size === BUDGET.accounts && report.modelCpuMedianMs > BUDGET.modelCpuSeconds * 1000) {
    process.stdout.write(`  budget missed: model of ${size} accounts took more than ${BUDGET.modelCpuSeconds} s of CPU\n`);
    ok = false;
  }
}
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(path.join(OUT_DIR, 'compliance.json'), `${JSON.stringify({ asOf: DEFAULT_AS_OF, budget: BUDGET, reports }, null, 2)}\n`);
process.exitCode = ok ? 0 : 1;
