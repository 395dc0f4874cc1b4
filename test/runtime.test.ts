/**
 * The runtime is what the project says it is: the `node` package (node@24, allowed to run its
 * install script) provides Node 24, `npm run`/`npx` use it whatever the machine's own `node` is,
 * and these tests themselves run on it — a green run on the wrong runtime is a failure.
 * `npm start` leaves no server behind when it is stopped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, REPO } from './helpers/fixture.ts';

const pinned = Number(readFileSync(path.join(REPO, '.nvmrc'), 'utf8').trim());
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const major = (version: string) => Number(/^v?(\d+)\./.exec(version)?.[1]);
/** PATH with the system's directories first, as a newcomer's shell has it. */
const SYSTEM_PATH = ['/usr/local/bin', '/usr/bin', '/bin', ...(process.env.PATH ?? '').split(path.delimiter)].join(path.delimiter);

describe('runtime', () => {
  it('the pinned major version is the same in .nvmrc, engines and the node package', () => {
    expect(pinned).toBeGreaterThanOrEqual(24);
    expect(manifest.engines.node).toBe(`>=${pinned} <${pinned + 1}`);
    expect(manifest.devDependencies.node).toMatch(new RegExp(`^\\^${pinned}\\.`));
    expect(manifest.allowScripts.node).toBe(true);
  });

  it(`these tests run on the pinned Node (${pinned}), not the machine's`, () => {
    expect(major(process.version), `tests ran on ${process.version} (${process.execPath})`).toBe(pinned);
  });

  it('the node package installed its binary', () => {
    const bin = path.join(REPO, 'node_modules', '.bin', 'node');
    expect(existsSync(bin), 'node_modules/.bin/node is missing: the install script of the node package did not run').toBe(true);
    expect(major(execFileSync(bin, ['-v'], { encoding: 'utf8' }))).toBe(pinned);
  });

  it('npx and npm run use the pinned Node even when the system node comes first on PATH', () => {
    const env = { ...process.env, PATH: SYSTEM_PATH };
    expect(major(execFileSync('npx', ['--no-install', 'node', '-v'], { cwd: REPO, env, encoding: 'utf8' }))).toBe(pinned);
    const version = execFileSync('npm', ['exec', '--no', '--', 'node', '-p', 'process.version'], { cwd: REPO, env, encoding: 'utf8' });
    expect(major(version.trim())).toBe(pinned);
  });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const up = (port: number) =>
  fetch(`http://127.0.0.1:${port}/`).then(
    (r) => r.ok,
    () => false,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(test: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (await test()) return true;
  return test();
}
/** Processes whose command line mentions `marker`. */
function processesWith(marker: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker) && !line.includes('ps -eo'));
}

describe('npm start', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'start-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  async function start() {
    const port = await freePort();
    const child = spawn('npm', ['start', '--', '--as-of', AS_OF, '--out', out, '--port', String(port)], {
      cwd: REPO,
      env: { ...process.env, PATH: SYSTEM_PATH },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d));
    child.stderr.on('data', (d: Buffer) => (log += d));
    const served = await until(() => up(port), 120_000);
    expect(served, log).toBe(true);
    return { child, port, log: () => log };
  }

  it.each([
    ['killing npm (SIGTERM to npm alone)', (pid: number) => process.kill(pid, 'SIGTERM')],
    ['Ctrl-C (SIGINT to the process group)', (pid: number) => process.kill(-pid, 'SIGINT')],
  ])('%s stops the preview server', { timeout: 240_000 }, async (_name, stop) => {
    const { child, port, log } = await start();
    stop(child.pid!);
    expect(await until(async () => !(await up(port)), 10_000), log()).toBe(true);
    expect(await until(async () => processesWith(out).length === 0, 10_000), processesWith(out).join('\n')).toBe(true);
  });
});
