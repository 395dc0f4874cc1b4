/**
 * Import layering of src/lib (issue 14.3): the facts shared by the validator's rules and the
 * compliance engine live in src/lib/facts/, below both, so neither imports the other — no
 * rules ↔ compliance cycle. Checked on the import statements of every module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve(import.meta.dirname, '..', 'src', 'lib');

/** Every import of every module of a src/lib folder: `[importing file, imported file]`, relative to src/lib. */
function importsOf(folder: string): [string, string][] {
  const out: [string, string][] = [];
  const dir = path.join(LIB, folder);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      out.push([path.relative(LIB, file), path.relative(LIB, path.resolve(path.dirname(file), m[1]!))]);
    }
  }
  return out;
}

const into = (imports: [string, string][], folder: string) => imports.filter(([, to]) => to.startsWith(`${folder}/`));

describe('src/lib layering', () => {
  it('finds the imports it checks', () => {
    expect(into(importsOf('rules'), 'facts').length).toBeGreaterThan(0);
    expect(into(importsOf('compliance'), 'facts').length).toBeGreaterThan(0);
  });

  it('rules never import the compliance engine', () => {
    expect(into(importsOf('rules'), 'compliance')).toEqual([]);
  });

  it('the compliance engine imports of the rules only their table (rule ids)', () => {
    expect(into(importsOf('compliance'), 'rules').filter(([, to]) => to !== 'rules/table.ts')).toEqual([]);
  });

  it('the shared facts import neither', () => {
    const facts = importsOf('facts');
    expect([...into(facts, 'rules'), ...into(facts, 'compliance'), ...into(facts, 'load')]).toEqual([]);
  });
});
