/**
 * The synthetic dataset generator behind the benchmarks (`npm run generate`): deterministic,
 * valid by construction (zero errors from the real validator), and safe with its output folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset, writeDataset, OutputNotEmptyError, type GeneratedFile } from '../src/lib/generate/index.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { runProgram } from './helpers/exec.ts';
import { REPO } from './helpers/fixture.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const temp = () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-generate-'));
  roots.push(root);
  return root;
};

/** Every generated file in memory, by path. */
function collect(accounts: number, seed: string): Map<string, string> {
  const files = new Map<string, string>();
  generateDataset({ accounts, seed }, (file: GeneratedFile) => files.set(file.path, file.text));
  return files;
}

describe('generateDataset', () => {
  it('gives the same bytes for the same seed and different data for another seed', () => {
    const a = collect(120, 'alpha');
    const b = collect(120, 'alpha');
    const c = collect(120, 'beta');
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect([...a.keys()].filter((p) => p.includes('/accounts/'))).toHaveLength(120);
    expect([...c.entries()]).not.toEqual([...a.entries()]);
  });

  it('writes a registry the validator accepts with zero errors, with every file kind present', () => {
    const dir = path.join(temp(), 'data');
    const summary = writeDataset(dir, { accounts: 400, seed: 'valid' });
    const result = loadRegistry(dir, { asOf: '2026-11-28' });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([]);
    const registry = result.registry!;
    expect(registry.accounts).toHaveLength(400);
    expect(summary.accounts).toBe(400);
    expect(registry.units.length).toBe(summary.units);
    expect(registry.inspections.length).toBe(summary.inspections);
    expect(registry.impostors.length).toBe(summary.impostors);
    expect(summary.suspended + summary.deregistered).toBeGreaterThan(0);
    expect(new Set(registry.accounts.map((a) => a.platform)).size).toBeGreaterThan(5);
  });

  it('refuses a non-empty output folder and leaves its files alone', () => {
    const dir = path.join(temp(), 'data');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'keep.txt'), 'mine');
    expect(() => writeDataset(dir, { accounts: 5, seed: 's' })).toThrow(OutputNotEmptyError);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    expect(readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('npm run generate', () => {
  /** The exit code, and what the command printed for it: its report, or its error. */
  const run = (args: string[]) => {
    const { code, stdout, stderr } = runProgram('npx', ['tsx', 'scripts/generate.ts', ...args], REPO);
    return { code, out: code === 0 ? stdout : stderr };
  };

  it('writes the dataset and reports what it wrote', () => {
    const dir = path.join(temp(), 'out');
    const { code, out } = run(['--accounts', '30', '--seed', 'cli', '--out', dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/30 accounts/);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['site.yaml', 'policy.yaml', 'platforms.yaml', 'units']));
  });

  it('exits 2 with the usage on bad arguments', () => {
    const { code, out } = run(['--accounts', 'many', '--seed', 'x', '--out', path.join(temp(), 'o')]);
    expect(code).toBe(2);
    expect(out).toContain('--accounts 须为正整数，而不是 many');
    expect(out).toContain('用法：npm run generate');
  });
});
