/**
 * Import layering, checked on the import statements of every module.
 *
 * src/lib: the facts shared by the validator's rules and the compliance engine live in
 * src/lib/facts/, below both, so neither imports the other — no rules ↔ compliance cycle.
 *
 * Browser code: src/client/ imports only from itself and src/shared/; src/shared/ (run by the build
 * and bundled for the browser, src/shared/README.md) imports no `node:` module and no file outside
 * itself, only npm packages the browser bundles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', 'src');
const LIB = path.join(SRC, 'lib');

/** Specifiers of a module's static imports and re-exports, side-effect imports and `import()` calls. */
function specifiers(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gms,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*(?:\/\*.*?\*\/\s*)?['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

/** The modules of a folder (TypeScript and JavaScript, declaration files included). */
function modules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every import of every module of a folder: `[importing file, specifier, resolved file or undefined]`. */
function importsIn(dir: string): { file: string; spec: string; target?: string }[] {
  return modules(dir).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((spec) => ({
      file: path.relative(SRC, file),
      spec,
      target: spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)) : undefined,
    })),
  );
}

/** Every relative import of every module of a src/lib folder: `[importing file, imported file]`, relative to src/lib. */
function importsOf(folder: string): [string, string][] {
  return importsIn(path.join(LIB, folder))
    .filter((i) => i.target !== undefined)
    .map((i) => [path.relative('lib', i.file), path.relative('lib', i.target!)]);
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

describe('browser code layering', () => {
  const client = importsIn(path.join(SRC, 'client'));
  const shared = importsIn(path.join(SRC, 'shared'));
  /** npm packages bundled for the browser: QR decoding (src/client/qr.ts), the normaliser's dictionaries. */
  const BROWSER_PACKAGES = new Set(['jsqr', 'opencc-js']);
  const packageOf = (spec: string) =>
    spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');

  it('finds the imports it checks', () => {
    expect(client.filter((i) => i.target?.startsWith('shared/')).length).toBeGreaterThan(0);
    expect(client.some((i) => i.spec === 'jsqr')).toBe(true);
    expect(shared.filter((i) => i.target?.startsWith('shared/')).length).toBeGreaterThan(0);
    expect(shared.some((i) => i.spec.startsWith('opencc-js/'))).toBe(true);
    // The dynamic import of the normaliser by the search page.
    expect(client.some((i) => i.file === 'client/search.ts' && i.target === 'shared/normalize.ts')).toBe(true);
  });

  it('the browser code imports only from src/client and src/shared', () => {
    const outside = client.filter((i) => i.target !== undefined && !/^(?:client|shared)\//.test(i.target));
    expect(outside).toEqual([]);
  });

  it('the shared code imports nothing outside src/shared', () => {
    expect(shared.filter((i) => i.target !== undefined && !i.target.startsWith('shared/'))).toEqual([]);
  });

  it('neither imports a Node module, and of npm only packages the browser bundles', () => {
    const bare = [...client, ...shared].filter((i) => i.target === undefined);
    expect(bare.filter((i) => isBuiltin(i.spec))).toEqual([]);
    expect(bare.filter((i) => !BROWSER_PACKAGES.has(packageOf(i.spec)))).toEqual([]);
  });
});
