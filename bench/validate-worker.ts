/**
 * One measured run of `npm run bench:validate`, in its own process so every run starts cold
 * (fresh heap, no JIT warm-up, no module caches):
 *
 *   node --import tsx bench/validate-worker.ts floor|validate DATA_DIR AS_OF
 *
 * `floor` reads every .yaml file and `yaml.parse`s it — the least any validator must do.
 * `validate` runs the real loader, `loadRegistry(DATA_DIR, { asOf })`.
 * Prints one JSON line: { mode, ms, cpuMs, maxRssKb, files, ok?, errors?, warnings? }. Module loading
 * happens before the clock starts, so both modes time only the work on the data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadRegistry } from '../src/lib/registry.ts';

export interface WorkerResult {
  mode: 'floor' | 'validate';
  /** Wall time of the work, in milliseconds. */
  ms: number;
  /** CPU time (user + system, all threads) of the work, in milliseconds: less disturbed by other load. */
  cpuMs: number;
  /** Peak resident set size of the process, in KiB. */
  maxRssKb: number;
  files: number;
  ok?: boolean;
  errors?: number;
  warnings?: number;
}

/** Reads and parses every .yaml file under `dir`; returns how many. */
function floor(dir: string): number {
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    files++;
  }
  return files;
}

const [mode, dir, asOf] = process.argv.slice(2);
if ((mode !== 'floor' && mode !== 'validate') || !dir || !asOf) {
  process.stderr.write('usage: node --import tsx bench/validate-worker.ts floor|validate DATA_DIR AS_OF\n');
  process.exit(2);
}

const started = performance.now();
const cpuStarted = process.cpuUsage();
const cpuMs = () => {
  const { user, system } = process.cpuUsage(cpuStarted);
  return (user + system) / 1000;
};
let result: WorkerResult;
if (mode === 'floor') {
  const files = floor(dir);
  result = { mode, ms: performance.now() - started, cpuMs: cpuMs(), maxRssKb: process.resourceUsage().maxRSS, files };
} else {
  const loaded = loadRegistry(dir, { asOf });
  const ms = performance.now() - started;
  const { files, errors, warnings } = loaded.stats;
  result = { mode, ms, cpuMs: cpuMs(), maxRssKb: process.resourceUsage().maxRSS, files, ok: loaded.ok, errors, warnings };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
