/**
 * `astro dev` with the registry's integration: the pages render from the data folder, and an
 * edited YAML file is validated and shown on the next request (the data folder is watched).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, makeFixture, REPO } from './helpers/fixture.ts';
import { freePort } from './helpers/port.ts';

let data: string;
let server: ChildProcess;
let origin: string;

const title = async (sitePath: string) => {
  const html = await (await fetch(origin + sitePath)).text();
  return /<title>([^<]*)<\/title>/.exec(html)?.[1];
};

/** Polls until `check` holds (the server starts, the watcher reacts a moment after a write). */
async function eventually(check: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  data = makeFixture();
  const port = await freePort();
  // `--ignore-lock`: beside a dev server someone may be running in this project.
  server = spawn(
    path.join(REPO, 'node_modules', '.bin', 'astro'),
    ['dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
    {
      cwd: REPO,
      // Not the test runner's environment (NODE_ENV=test, VITEST…): a developer's shell.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ASTRO_TELEMETRY_DISABLED: '1', REGISTRY_DATA: data, REGISTRY_AS_OF: AS_OF },
      stdio: 'ignore',
    },
  );
  origin = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(origin)).ok, 600);
}, 120_000);

afterAll(() => {
  server?.kill();
});

describe('astro dev', () => {
  it('renders the bulk routes from the data and reloads an edited file', async () => {
    expect(await title('/units/jiaoyuju/')).toMatch(/^东乡族自治县教育局 - /);
    expect(await title('/units/jiaoyuju/wechat/')).toMatch(/^东乡教育（微信公众号） - /);
    const file = path.join(data, 'units', 'jiaoyuju', 'accounts', 'wechat.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 东乡教育', 'name: 东乡教育发布'));
    await eventually(async () => (await title('/units/jiaoyuju/wechat/'))?.startsWith('东乡教育发布（') === true);
  }, 60_000);
});
