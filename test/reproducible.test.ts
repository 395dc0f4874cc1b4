/**
 * Reproducible builds, and one pipeline for `npm run build` and `astro build`: three builds of the sample registry
 * with the same date produce byte-identical output, file for file, although they differ in
 * everything else a build could pick up by accident: one runs in this process with the clock set
 * years ahead, one in a child process (`npm run build`'s script) in another time zone and locale,
 * from another working directory, into another folder, and one is Astro's own `astro build`
 * (astro.config.mjs, the data and date from `REGISTRY_DATA` and `REGISTRY_AS_OF`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../src/site/build.ts';
import { REPO } from './helpers/fixture.ts';

const AS_OF = '2026-11-28';
/** Neither build sets an address: both take the sample's `url` from data/site.yaml. */
const SITE = '';
/** Loopback, private, link-local and unspecified addresses, as they would appear in a published URL or text. */
const PRIVATE_ADDRESS =
  /\b(?:localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|0\.0\.0\.0)\b|\[::1?\]|\/\/::1\b/i;
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const temp = (name: string) => {
  const root = mkdtempSync(path.join(os.tmpdir(), `registry-repro-${name}-`));
  roots.push(root);
  return root;
};

/** SHA-256 of every file of a build, by path. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('three builds of the sample registry at the same date', () => {
  it('are byte for byte the same, whatever the clock, time zone, locale and folders', async () => {
    const first = path.join(temp('a'), 'site');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-01T23:30:00Z') });
    try {
      await buildSite({ dataDir: path.join(REPO, 'data'), asOf: AS_OF, outDir: first, base: '/', site: SITE || undefined });
    } finally {
      vi.useRealTimers();
    }

    const second = path.join(temp('b'), 'elsewhere', 'site');
    const cwd = temp('cwd');
    execFileSync(
      path.join(REPO, 'node_modules', '.bin', 'tsx'),
      [path.join(REPO, 'scripts', 'build.ts'), '--data', path.join(REPO, 'data'), '--as-of', AS_OF, '--out', second],
      {
        cwd,
        env: { ...process.env, SITE, BASE: '/', TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C', REGISTRY_AS_OF: '', REGISTRY_DATA: '' },
        stdio: 'pipe',
      },
    );

    const third = path.join(temp('c'), 'astro');
    execFileSync(path.join(REPO, 'node_modules', '.bin', 'astro'), ['build', '--outDir', third], {
      cwd: REPO,
      env: { ...process.env, SITE, BASE: '', REGISTRY_DATA: path.join(REPO, 'data'), REGISTRY_AS_OF: AS_OF, TZ: 'America/Los_Angeles' },
      stdio: 'pipe',
    });

    const a = hashes(first);
    const b = hashes(second);
    const c = hashes(third);
    expect(a.size).toBeGreaterThan(400);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect([...c.keys()]).toEqual([...a.keys()]);
    expect([...a].filter(([file, hash]) => c.get(file) !== hash).map(([file]) => file)).toEqual([]);
    // The index of the search and the verify shards are part of the output, not left out of the comparison.
    expect([...a.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect([...a.keys()].some((f) => /^verify\/[0-9a-f]+\//.test(f))).toBe(true);

    // Every published link is on the sample's public address, and no file holds a loopback or private one.
    const withPrivate = [...a.keys()].filter((f) => PRIVATE_ADDRESS.test(readFileSync(path.join(first, f)).toString('latin1')));
    expect(withPrivate).toEqual([]);
    const published = ['changes.xml', 'data/accounts.json', 'units/jiaoyuju/poster/index.html', 'units/jiaoyuju/wechat/index.html'];
    for (const f of published) expect(readFileSync(path.join(first, f), 'utf8'), f).toContain('https://xmt.dongxiang.example/');
    expect(readFileSync(path.join(first, 'units/jiaoyuju/wechat/index.html'), 'utf8')).toContain(
      '<link rel="canonical" href="https://xmt.dongxiang.example/units/jiaoyuju/wechat/">',
    );
  }, 600_000);
});
