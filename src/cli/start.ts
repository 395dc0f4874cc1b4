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
import { preview } from 'astro';
import { PROJECT_ROOT } from '../site/build.ts';
import { buildInProject } from './build.ts';
import { checkDate, type CommandIo, parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';
import { runValidate } from './validate.ts';

export const USAGE = `用法：npm start -- [选项]

校验名录数据，生成网站，并在本机启动预览服务器（按 Ctrl-C 停止）。

  --data DIR          数据目录（默认 data，或环境变量 REGISTRY_DATA）
  --as-of YYYY-MM-DD  以哪一天为“今天”（默认：北京时间今天）
  --out DIR           输出目录（默认 dist）
  --port N            端口（默认 4321）
  --host              允许局域网中的其他设备访问（例如用手机查看）
  -h, --help          显示本帮助`;

interface Options {
  data: string;
  asOf?: string;
  outDir: string;
  port: number;
  host: boolean;
}

function parseOptions(argv: string[], io: CommandIo): Options | 'help' {
  const { values } = parseFlags(argv, {
    data: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'boolean' },
  });
  if (values.help) return 'help';
  if (values['as-of'] !== undefined) checkDate('--as-of', values['as-of']);
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '4321') || port > 65535)
    throw new UsageError(`--port 须为 0 到 65535 的整数，而不是 ${values.port}`);
  return {
    data: resolveDataDir(io.cwd, values.data ?? io.env.REGISTRY_DATA),
    asOf: values['as-of'],
    outDir: path.resolve(io.cwd, values.out ?? path.join(PROJECT_ROOT, 'dist')),
    port,
    host: values.host === true,
  };
}

/** Validates, builds and starts the server (which runs until a signal or the parent's exit); returns the exit code. */
export async function runStart(argv: string[], io: CommandIo): Promise<number> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const options = readOptions(() => parseOptions(argv, io), USAGE, '错误：', io);
  if (typeof options === 'number') return options;
  const code = await runValidate(['--data', options.data, ...(options.asOf ? ['--as-of', options.asOf] : [])], io);
  if (code !== 0) return code;
  try {
    const result = await buildInProject({ dataDir: options.data, asOf: options.asOf, outDir: options.outDir }, io);
    io.stdout(`已生成 ${result.pages} 个页面（数据截至 ${result.asOf}）\n`);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }

  const server = await preview({
    root: PROJECT_ROOT,
    outDir: options.outDir,
    logLevel: 'info',
    server: { port: options.port, host: options.host },
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
  // The server keeps the process alive until `stop` ends it.
  return 0;
}
