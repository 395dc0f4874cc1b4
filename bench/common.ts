/** Helpers shared by the benchmarks. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SHARED_DIR, writeDataset, type GenerateSummary } from '../src/lib/generate/index.ts';
import { Random } from '../src/lib/generate/random.ts';

const GENERATOR_DIR = fileURLToPath(new URL('../src/lib/generate/', import.meta.url));

/** Median of some numbers (NaN when there are none). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Fingerprint of everything a cached generated dataset depends on: the generator and the shared data files. */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(GENERATOR_DIR).map((f) => path.join(GENERATOR_DIR, f)),
    path.join(DEFAULT_SHARED_DIR, 'platforms.yaml'),
    path.join(DEFAULT_SHARED_DIR, 'policy.yaml'),
    ...readdirSync(path.join(DEFAULT_SHARED_DIR, 'calendar')).map((f) => path.join(DEFAULT_SHARED_DIR, 'calendar', f)),
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** A deterministic random source in [0, 1) for a seed (the generator's mulberry32). */
export function random(seed: number): () => number {
  const r = new Random(String(seed), 'bench');
  return () => r.next();
}

/**
 * A generated dataset cached under `datasetsDir` (`n<accounts>-seed-<seed>/data`, with a stamp
 * file beside it), generated again when missing or when the generator or shared data changed.
 */
export function cachedDataset(
  datasetsDir: string,
  accounts: number,
  seed: string,
  asOf: string,
  fingerprint = generatorFingerprint(),
): { dir: string; summary: GenerateSummary; stampFile: string } {
  const name = `n${accounts}-seed-${seed.replace(/[^A-Za-z0-9-]/g, '_')}`;
  const root = path.join(datasetsDir, name);
  const stampFile = path.join(datasetsDir, `${name}.json`);
  const dir = path.join(root, 'data');
  const want = { accounts, seed, asOf, fingerprint };
  if (existsSync(stampFile) && existsSync(dir)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as typeof want & { summary: GenerateSummary };
    if (stamp.accounts === accounts && stamp.seed === seed && stamp.asOf === asOf && stamp.fingerprint === fingerprint) {
      return { dir, summary: stamp.summary, stampFile };
    }
  }
  rmSync(root, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  mkdirSync(root, { recursive: true });
  process.stdout.write(`  generating ${accounts} accounts … `);
  const started = performance.now();
  const summary = writeDataset(dir, { accounts, seed, asOf });
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  writeFileSync(stampFile, `${JSON.stringify({ ...want, summary }, null, 2)}\n`);
  return { dir, summary, stampFile };
}
