/**
 * The registry's Astro integration (src/integration/): a registry with errors stops `astro build`
 * and `npm run build` before anything is built, with the lines `npm run validate` prints.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram, type Finished } from './helpers/exec.ts';
import { AS_OF, makeFixture, REPO, replace } from './helpers/fixture.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function run(command: string, args: string[], env: Record<string, string> = {}): Finished {
  return runProgram(path.join(REPO, 'node_modules', '.bin', command), args, REPO, env);
}

describe('a registry with errors', () => {
  it('stops astro build and npm run build with the messages of npm run validate', () => {
    const data = makeFixture({
      'units/jiaoyuju/accounts/wechat.yaml': replace('platform: wechat', 'platform: wechatt'),
      'units/jiaoyuju/unit.yaml': (text) => `${text}unknown_field: 1\n`,
    });
    const root = mkdtempSync(path.join(os.tmpdir(), 'registry-integration-'));
    roots.push(root);

    const validate = run('tsx', ['scripts/validate.ts', '--data', data, '--as-of', AS_OF, '--errors-only']);
    expect(validate.code).toBe(1);
    const lines = validate.stdout.split('\n').filter((line) => line.includes('  错误  '));
    expect(lines.length).toBeGreaterThanOrEqual(2);

    const npm = run('tsx', ['scripts/build.ts', '--data', data, '--as-of', AS_OF, '--out', path.join(root, 'npm')]);
    const astro = run('astro', ['build', '--outDir', path.join(root, 'astro')], { REGISTRY_DATA: data, REGISTRY_AS_OF: AS_OF });
    for (const build of [npm, astro]) {
      expect(build.code).toBe(1);
      for (const line of lines) expect(build.stdout + build.stderr).toContain(line.trim());
    }
    expect(npm.stderr).toContain('不能发布');
    expect(existsSync(path.join(root, 'npm', 'index.html'))).toBe(false);
    expect(existsSync(path.join(root, 'astro', 'index.html'))).toBe(false);
  });
});
