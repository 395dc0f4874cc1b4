/**
 * The whole publication: validate, Astro build, Pagefind index. Used by `npm run build`,
 * `npm start`, the browser tests and the build benchmark.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { todayInChina } from '../lib/dates.ts';
import { loadRegistry } from '../lib/registry.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  dataDir: string;
  /** "Today" of the build; defaults to today in China. */
  asOf?: string;
  outDir: string;
  /** Deployment sub-path (default `BASE` or `/`). */
  base?: string;
  /** Deployment origin (default `SITE`). */
  site?: string;
}

export interface BuildResult {
  outDir: string;
  asOf: string;
  pages: number;
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const asOf = options.asOf ?? todayInChina();
  const { problems, ok } = loadRegistry(options.dataDir, { asOf });
  if (!ok) {
    const errors = problems.filter((p) => p.severity === 'error');
    const list = errors.slice(0, 20).map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`);
    throw new Error(`数据有 ${errors.length} 个错误，不能发布：\n${list.join('\n')}\n请运行 npm run validate 查看全部问题。`);
  }
  process.env.REGISTRY_DATA = options.dataDir;
  process.env.REGISTRY_AS_OF = asOf;
  await build({
    root: PROJECT_ROOT,
    outDir: options.outDir,
    base: options.base ?? process.env.BASE ?? '/',
    site: options.site ?? process.env.SITE ?? 'http://localhost:4321',
    logLevel: 'warn',
  });
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error('Pagefind 无法创建索引');
  await index.addDirectory({ path: options.outDir });
  await index.writeFiles({ outputPath: path.join(options.outDir, 'pagefind') });
  await pagefind.close();
  return { outDir: options.outDir, asOf, pages: countPages(options.outDir) };
}
