/**
 * Validating on several threads (src/lib/load/parallel.ts) gives exactly what validating on one
 * gives: the same problems at the same lines — including problems the cross-file rules report on
 * files a worker checked, whose positions are rebuilt on demand — and the same registry.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../src/lib/generate/index.ts';
import { PARALLEL_MIN_FILES } from '../src/lib/load/parallel.ts';
import { loadRegistry } from '../src/lib/registry.ts';

let root: string;
let dir: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'registry-parallel-'));
  dir = path.join(root, 'data');
  writeDataset(dir, { accounts: 2400, seed: 'parallel' });
  const units = readdirSync(path.join(dir, 'units')).sort();
  const accountFile = (i: number) => {
    const folder = path.join(dir, 'units', units[i]!, 'accounts');
    return path.join(folder, readdirSync(folder).sort()[0]!);
  };
  // Problems of every origin, spread over the directory so that several threads see some:
  // a syntax error, a schema error, personal data, and a handle copied from another account
  // (a cross-file rule reporting on a file checked elsewhere).
  appendFileSync(accountFile(3), 'purpose: [unclosed\n');
  writeFileSync(accountFile(40), readFileSync(accountFile(40), 'utf8').replace(/^name: .*$/m, 'name: 123'));
  writeFileSync(accountFile(80), readFileSync(accountFile(80), 'utf8').replace(/^purpose: (.*)$/m, 'purpose: $1，联系 13912345678'));
  const source = accountFile(120);
  const platform = path.basename(source);
  const other = [...units].reverse().map((u) => path.join(dir, 'units', u, 'accounts', platform)).find((f) => f !== source && existsSync(f))!;
  const handle = /^handle: (.*)$/m.exec(readFileSync(source, 'utf8'))![1];
  writeFileSync(other, readFileSync(other, 'utf8').replace(/^handle: .*$/m, `handle: ${handle}`));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A registry as JSON: every field of every record, and where each record came from. */
function snapshot(registry: unknown): string {
  return JSON.stringify(registry, (key, value) => (key === 'origin' ? (value as { file: string }).file : value));
}

describe('parallel validation', () => {
  it('gives the same problems and registry as validating on one thread', () => {
    const one = loadRegistry(dir, { asOf: '2026-11-28', threads: 1 });
    const two = loadRegistry(dir, { asOf: '2026-11-28', threads: 2 });
    const three = loadRegistry(dir, { asOf: '2026-11-28', threads: 3 });
    expect(one.stats.files).toBeGreaterThanOrEqual(PARALLEL_MIN_FILES);
    const rules = new Set(one.problems.map((p) => p.rule));
    expect([...rules]).toEqual(expect.arrayContaining(['yaml-syntax', 'schema', 'personal-data', 'duplicate-identifier']));
    expect(one.problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(4);
    expect(two.problems).toEqual(one.problems);
    expect(three.problems).toEqual(one.problems);
    expect(two.stats).toEqual(one.stats);
    expect(snapshot(two.registry)).toEqual(snapshot(one.registry));
  });

  it('places a problem found later on a worker-checked file at the right line', () => {
    const result = loadRegistry(dir, { asOf: '2026-11-28', threads: 2 });
    for (const p of result.problems) {
      if (!p.file.endsWith('.yaml') || p.line === 1) continue;
      const lines = readFileSync(path.join(root, p.file), 'utf8').split('\n');
      expect(p.line, `${p.file}:${p.line} ${p.rule}`).toBeLessThanOrEqual(lines.length);
      expect(lines[p.line - 1]!.length + 1, `${p.file}:${p.line}:${p.column}`).toBeGreaterThanOrEqual(p.column);
    }
  });
});
