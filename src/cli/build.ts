/**
 * `npm run build -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR] [--precompress]`: validates the
 * registry, builds the Astro site from its model and indexes it with Pagefind (src/site/build.ts);
 * `--precompress` then writes .gz and .br copies for nginx (src/site/precompress.ts). Refuses
 * to publish a registry with errors. `SITE` and `BASE` set the deployment origin and sub-path;
 * `REGISTRY_DATA`, `REGISTRY_AS_OF` and `REGISTRY_PRECOMPRESS=1` stand in for the flags.
 *
 * Exit 0: built. Exit 1: the data has errors or the build failed. Exit 2: usage problem.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, PROJECT_ROOT, type BuildOptions } from '../site/build.ts';
import { checkDate, type CommandIo, parseFlags, readOptions, resolveDataDir } from './usage.ts';

export const USAGE = `用法：npm run build -- [选项]

校验名录数据，生成网站（Astro）并建立搜索索引（Pagefind）。数据有错误时不生成。

  --data DIR          数据目录（默认 data，或环境变量 REGISTRY_DATA）
  --as-of YYYY-MM-DD  以哪一天为“今天”（默认：北京时间今天，或环境变量 REGISTRY_AS_OF）
  --out DIR           输出目录（默认 dist）
  --precompress       在文本文件旁写好 .gz 和 .br 压缩版本，供 nginx 直接发送（部署到自己的服务器或容器时用；
                      GitHub Pages、CDN 自行压缩，不需要；或环境变量 REGISTRY_PRECOMPRESS=1）
  -h, --help          显示本帮助

环境变量 SITE、BASE：网站的地址和子路径（例如 https://example.github.io 和 /registry/）。

退出码：0 已生成；1 数据有错误或生成失败；2 用法问题。`;

interface Options {
  dataDir: string;
  asOf?: string;
  outDir: string;
  precompress: boolean;
}

function parseOptions(argv: string[], io: CommandIo): Options | 'help' {
  const { values } = parseFlags(argv, {
    data: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    precompress: { type: 'boolean' },
  });
  if (values.help) return 'help';
  const asOf = values['as-of'] ?? io.env.REGISTRY_AS_OF;
  if (asOf !== undefined) checkDate('--as-of', asOf);
  return {
    dataDir: resolveDataDir(io.cwd, values.data ?? io.env.REGISTRY_DATA),
    asOf,
    outDir: path.resolve(io.cwd, values.out ?? 'dist'),
    precompress: values.precompress ?? io.env.REGISTRY_PRECOMPRESS === '1',
  };
}

/** Runs the build; returns the exit code. */
export async function runBuild(argv: string[], io: CommandIo): Promise<number> {
  const options = readOptions(() => parseOptions(argv, io), USAGE, '错误：', io);
  if (typeof options === 'number') return options;
  try {
    const result = await buildInProject(options, io);
    const relative = path.relative(io.cwd, result.outDir);
    const out = relative.startsWith('..') ? result.outDir : relative || '.';
    io.stdout(`已生成 ${result.pages} 个页面 → ${out}（数据截至 ${result.asOf}）\n`);
    return 0;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
}

/** What the child process (src/cli/build-in-project.ts) sends back: what the command prints, or the error. */
export type BuildOutcome = { ok: true; outDir: string; asOf: string; pages: number } | { ok: false; message: string };

const CHILD = fileURLToPath(new URL('./build-in-project.ts', import.meta.url));

/**
 * buildSite (src/site/build.ts) with the project folder as working directory: in this process when
 * it is already there (`npm run build`, `npm start`, the tests), else in a child process started
 * there; its output goes to `io`. Astro places the intermediate server build it then imports (whose
 * packages Node resolves from where it lies) by the working directory: in the output folder when
 * that is inside it, else in `<cwd>/.astro/` (node_modules/astro/dist/core/build/common.js,
 * `getOutDirWithinCwd`; no setting moves it short of an adapter). From a working directory outside
 * the project neither place reaches the project's node_modules, and changing the working directory
 * of this process would change it for everything else running in it. Paths must be absolute.
 */
export function buildInProject(options: BuildOptions, io: CommandIo): Promise<{ outDir: string; asOf: string; pages: number }> {
  if (process.cwd() === PROJECT_ROOT) return buildSite(options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], {
      cwd: PROJECT_ROOT,
      env: io.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.setEncoding('utf8').on('data', io.stdout);
    child.stderr!.setEncoding('utf8').on('data', io.stderr);
    let outcome: BuildOutcome | undefined;
    child.on('message', (message) => (outcome = message as BuildOutcome));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (outcome?.ok) resolve(outcome);
      else reject(new Error(outcome?.message ?? `网站构建进程意外退出（${signal ?? code}）`));
    });
  });
}
