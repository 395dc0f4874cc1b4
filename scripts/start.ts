/**
 * `npm start -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR] [--port N] [--host]`: validates the
 * registry, builds the site (default `dist/`) and serves it with Astro's preview server, all in
 * this one process (`node --import tsx`, not the `tsx` wrapper, which is a second process).
 *
 * Ctrl-C reaches this process with the rest of the terminal's process group. `kill <npm>` does
 * not: npm passes SIGTERM to the shell that runs this script, which dies without passing it on (a
 * `&&` chain of npm scripts left `astro preview` running this way). So the server also stops when
 * its parent goes away (its parent process id changes).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import { runValidate } from '../src/cli/validate.ts';
import { buildSite, PROJECT_ROOT } from '../src/site/build.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'boolean' },
  },
  strict: true,
});
const data = path.resolve(values.data ?? process.env.REGISTRY_DATA ?? 'data');
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
};
const validateArgs = ['--data', data, ...(values['as-of'] ? ['--as-of', values['as-of']] : [])];
const code = await runValidate(validateArgs, io);
if (code !== 0) process.exit(code);

const outDir = path.resolve(values.out ?? path.join(PROJECT_ROOT, 'dist'));
try {
  const result = await buildSite({ dataDir: data, asOf: values['as-of'], outDir });
  console.log(`已生成 ${result.pages} 个页面（数据截至 ${result.asOf}）`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const server = await preview({
  root: PROJECT_ROOT,
  outDir,
  logLevel: 'info',
  server: { port: values.port ? Number(values.port) : 4321, host: values.host === true },
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.stop().finally(() => process.exit(0));
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 500).unref();
