/**
 * Supply chain: the lockfile is committed, complete and what CI installs from
 * (`npm ci`); packages with install scripts are on npm's allow-list and explained in the README.
 *
 * `npm audit` is not run here: every dependency is a development dependency (the site ships static
 * files), so `--omit=dev` has nothing to audit, and this machine's registry refuses the audit
 * request for the full tree. The pull-request workflow's `audit` job runs it where GitHub reaches
 * the advisory database.
 *
 * Workflow permissions and SHA-pinned actions are checked in test/workflows.test.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture.ts';

const run = promisify(execFile);

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
interface LockEntry extends Manifest {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  hasInstallScript?: boolean;
}
interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;
const LOCK_FILE = path.join(REPO, 'package-lock.json');
const lock = () => JSON.parse(readFileSync(LOCK_FILE, 'utf8')) as Lockfile;
const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
const declared = Object.fromEntries(DEP_FIELDS.flatMap((field) => Object.entries(manifest[field] ?? {})));

/** A package's name from its lockfile key (`node_modules/a/node_modules/@s/b` → `@s/b`). */
const nameOf = (key: string, entry: LockEntry) => entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

type Version = [number, number, number, string];
function parseVersion(text: string): Version {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([\w.-]+))?(?:\+[\w.-]+)?$/.exec(text);
  if (!m) throw new Error(`not a version: ${text}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ''];
}
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Whether `version` satisfies `range`, for the range forms package.json uses: `^1.2.3`,
 * `~1.2.3`, `1.2.3`, and partial versions (`1.6`, `2`). Any other form throws, so a new one is
 * noticed (npm's own check below covers every form). Prereleases satisfy only an exact range.
 */
function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  const m = /^([~^]?)(\d+)(?:\.(\d+))?(?:\.(\d+)(?:-([\w.-]+))?)?$/.exec(range.trim());
  if (!m) throw new Error(`range form not handled by this test: ${range}`);
  const [, op, major, minor, patch, pre] = m;
  const floor: Version = [Number(major), Number(minor ?? 0), Number(patch ?? 0), pre ?? ''];
  if (v[3] || floor[3]) return v.join() === floor.join();
  if (compare(v, floor) < 0) return false;
  if (op === '' && patch !== undefined) return compare(v, floor) === 0;
  if (op === '' || op === '~') return v[0] === floor[0] && (minor === undefined || v[1] === floor[1]);
  // ^: the left-most non-zero part stays.
  if (floor[0] > 0 || minor === undefined) return v[0] === floor[0];
  if (floor[1] > 0 || patch === undefined) return v[0] === 0 && v[1] === floor[1];
  return compare(v, floor) === 0;
}

describe('lockfile', () => {
  it('is committed in lockfile format 3 or later', () => {
    expect(existsSync(LOCK_FILE)).toBe(true);
    expect(lock().lockfileVersion).toBeGreaterThanOrEqual(3);
  });

  it('records the dependencies of package.json as they are (npm ci refuses a stale lockfile)', () => {
    const root = lock().packages['']!;
    for (const field of DEP_FIELDS) expect(root[field] ?? {}, field).toEqual(manifest[field] ?? {});
  });

  it('locks every dependency of package.json at a version satisfying its range', () => {
    const packages = lock().packages;
    expect(Object.keys(declared).length).toBeGreaterThan(0);
    for (const [name, range] of Object.entries(declared)) {
      const entry = packages[`node_modules/${name}`];
      expect(entry?.version, name).toBeDefined();
      expect(satisfies(entry!.version!, range), `${name}@${entry!.version} satisfies ${range}`).toBe(true);
    }
  });

  it('range check of this test agrees with semver', () => {
    const cases: [string, string, boolean][] = [
      ['1.4.2', '1.4.2', true],
      ['1.4.3', '1.4.2', false],
      ['1.6.9', '1.6', true],
      ['1.7.0', '1.6', false],
      ['3.2.1', '^3.0.1', true],
      ['4.0.0', '^3.0.1', false],
      ['3.0.0', '^3.0.1', false],
      ['0.9.12', '^0.9.10', true],
      ['0.10.0', '^0.9.10', false],
      ['0.0.4', '^0.0.3', false],
      ['1.2.9', '~1.2.3', true],
      ['1.3.0', '~1.2.3', false],
      ['2.0.0-beta.1', '^1.0.0', false],
    ];
    for (const [version, range, expected] of cases) expect(satisfies(version, range), `${version} ${range}`).toBe(expected);
    expect(() => satisfies('1.0.0', '>=1 <2')).toThrow(/range form/);
  });

  it('is consistent by npm’s own reading (no missing or invalid package)', async () => {
    const { stdout } = await run('npm', ['ls', '--package-lock-only', '--all', '--json'], { cwd: REPO, maxBuffer: 64 << 20 }).catch(
      (error: { stdout?: string }) => {
        // npm ls exits 1 when it finds problems; the JSON still says which.
        if (error.stdout) return { stdout: error.stdout };
        throw error;
      },
    );
    const tree = JSON.parse(stdout) as { problems?: string[] };
    expect(tree.problems ?? []).toEqual([]);
  });

  it('pins every package by sha512 integrity, from the npm registry only', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(lock().packages)) {
      if (key === '' || entry.link) continue;
      if (!entry.integrity?.startsWith('sha512-')) problems.push(`${key}: no sha512 integrity`);
      // Registry tarballs have no `resolved` (omit-lockfile-registry-resolved); git, file and URL sources do.
      if (entry.resolved && !entry.resolved.startsWith('https://registry.npmjs.org/')) problems.push(`${key}: from ${entry.resolved}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('installs', () => {
  const ciRun = readFileSync(path.join(REPO, '.ci', 'run'), 'utf8');
  const commands = (text: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
      .filter(Boolean);
  const npmInstall = /\bnpm\s+(install|i|add|isntall|update|up)\b/;

  it('.ci/run installs from the lockfile with npm ci, never npm install', () => {
    const lines = commands(ciRun);
    expect(lines.some((line) => /^npm ci\b/.test(line))).toBe(true);
    expect(lines.filter((line) => npmInstall.test(line))).toEqual([]);
  });

  it('no workflow runs npm install either', () => {
    const dir = path.join(REPO, '.github', 'workflows');
    for (const file of readdirSync(dir)) {
      expect(
        commands(readFileSync(path.join(dir, file), 'utf8')).filter((line) => npmInstall.test(line)),
        file,
      ).toEqual([]);
    }
  });
});

describe('install scripts', () => {
  const withScripts = () =>
    [
      ...new Set(
        Object.entries(lock().packages)
          .filter(([key, e]) => key !== '' && e.hasInstallScript)
          .map(([key, e]) => nameOf(key, e)),
      ),
    ].sort();
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = /^## 供应链\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';

  it('the README has a supply-chain section', () => {
    expect(section).toMatch(/npm ci/);
    expect(section).toMatch(/allowScripts/);
  });

  it('every package with an install script is on npm’s allow-list (allowScripts), and nothing else is', () => {
    const allow = manifest.allowScripts ?? {};
    expect(withScripts().length).toBeGreaterThan(0);
    expect(Object.keys(allow).sort()).toEqual(withScripts());
    for (const value of Object.values(allow)) expect(typeof value).toBe('boolean');
  });

  it('every package with an install script is named, with whether it runs and why, in the README', () => {
    const allow = manifest.allowScripts ?? {};
    for (const name of withScripts()) {
      const line = section.split('\n').find((l) => l.includes(`\`${name}\``));
      expect(line, `README ## 供应链 names \`${name}\``).toBeDefined();
      expect(line, name).toMatch(allow[name] ? /允许/ : /不运行/);
    }
  });
});
