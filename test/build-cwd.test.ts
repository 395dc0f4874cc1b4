/**
 * `npm run build` from a working directory outside the project (src/cli/build.ts builds in a child
 * process in the project folder): relative paths are the caller's, the site is built, nothing of the
 * build is left in the caller's folder, and errors in the data still stop it with their report. No
 * module of src/ changes the process's working directory.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram, type Finished } from './helpers/exec.ts';
import { AS_OF, makeFixture, REPO, replace } from './helpers/fixture.ts';

const outs: string[] = [];
afterAll(() => outs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** scripts/build.ts (what `npm run build` runs) with `cwd` as the working directory. */
function build(cwd: string, args: string[]): Finished {
  return runProgram(
    process.execPath,
    [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(REPO, 'scripts', 'build.ts'), ...args],
    cwd,
  );
}

describe('npm run build from another working directory', () => {
  it('builds the site from a relative --data into a relative --out', () => {
    const data = makeFixture();
    const parent = path.dirname(data);
    outs.push(path.join(parent, 'site'));
    const result = build(parent, ['--data', 'data', '--as-of', AS_OF, '--out', 'site']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`已生成 \\d+ 个页面 → site（数据截至 ${AS_OF}）`));
    expect(readFileSync(path.join(parent, 'site', 'units', 'jiaoyuju', 'wechat', 'index.html'), 'utf8')).toContain('<html');
    expect(existsSync(path.join(parent, 'site', 'pagefind'))).toBe(true);
    // Nothing but the data and the site: no intermediate build (.astro/, .prerender/) here.
    expect(readdirSync(parent).sort()).toEqual(['data', 'site']);
    expect(existsSync(path.join(parent, 'site', '.prerender'))).toBe(false);
  }, 300_000);

  it('stops on errors in the data with the report', () => {
    const data = makeFixture({ 'units/jiaoyuju/accounts/wechat.yaml': replace('platform: wechat', 'platform: wechatt') });
    const parent = path.dirname(data);
    const result = build(parent, ['--data', 'data', '--as-of', AS_OF, '--out', 'site']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不能发布');
    expect(result.stdout + result.stderr).toContain('wechatt');
    expect(existsSync(path.join(parent, 'site', 'index.html'))).toBe(false);
  }, 300_000);
});

describe('the working directory', () => {
  it('is never changed by a module of src/', () => {
    const callers = readdirSync(path.join(REPO, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|astro)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => /\bprocess\s*\.\s*chdir\b/.test(readFileSync(file, 'utf8')));
    expect(callers.map((file) => path.relative(REPO, file))).toEqual([]);
  });
});
