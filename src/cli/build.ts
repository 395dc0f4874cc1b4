/**
 * `npm run build -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR] [--precompress]`: validates the
 * registry, builds the Astro site from its model and indexes it with Pagefind (src/site/build.ts);
 * `--precompress` then writes .gz and .br copies for nginx (src/site/precompress.ts). Refuses
 * to publish a registry with errors. `SITE` and `BASE` set the deployment origin and sub-path;
 * `REGISTRY_DATA`, `REGISTRY_AS_OF` and `REGISTRY_PRECOMPRESS=1` stand in for the flags.
 *
 * Exit 0: built. Exit 1: the data has errors or the build failed. Exit 2: usage problem.
 */
import path from 'node:path';
import { buildSite, PROJECT_ROOT } from '../site/build.ts';
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
  // Astro resolves the packages of its intermediate build from the working directory: build from
  // the project, as `npm run` does (the paths above are already absolute).
  const cwd = process.cwd();
  process.chdir(PROJECT_ROOT);
  try {
    const result = await buildSite(options);
    const relative = path.relative(io.cwd, result.outDir);
    const out = relative.startsWith('..') ? result.outDir : relative || '.';
    io.stdout(`已生成 ${result.pages} 个页面 → ${out}（数据截至 ${result.asOf}）\n`);
    return 0;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  } finally {
    process.chdir(cwd);
  }
}
