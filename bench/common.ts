/** Helpers shared by the benchmarks. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SHARED_DIR } from '../src/lib/generate/index.ts';
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
