/**
 * `npm run schemas -- [--check]`: writes `schemas/*.schema.json` from the zod schemas
 * (src/lib/schema/json-schema.ts, src/lib/schema/opendata.ts). `--check` writes nothing and exits 1
 * when a committed file is out of date or a schema file is left over (CI). Exit 2: usage problem.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { renderJsonSchemas } from '../lib/schema/json-schema.ts';
import { OPEN_DATA_SCHEMA_DIR, renderOpenDataSchemas } from '../lib/schema/opendata.ts';
import { type CommandIo, writeGenerated, readCheckOption } from './usage.ts';

const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', '..', 'schemas');

export const USAGE = `用法：npm run schemas -- [选项]

根据 zod 定义生成 schemas/ 中的 JSON Schema 文件（编辑器提示和开放数据的字段定义）。

  --check     只检查是否最新，不写入；过期或有多余文件时退出码为 1（CI 使用）
  -h, --help  显示本帮助

退出码：0 已是最新（或已更新）；1 --check 发现过期；2 用法问题。`;

/** Runs the generator on `dir` (default: the project's schemas/); returns the exit code. */
export function runSchemas(argv: string[], io: CommandIo, dir = SCHEMA_DIR): number {
  const options = readCheckOption(argv, USAGE, io);
  if (typeof options === 'number') return options;
  const texts = new Map([...renderJsonSchemas(), ...renderOpenDataSchemas()]);
  const files = [...texts].map(([name, text]) => ({ path: path.join(dir, name), display: `schemas/${name}`, text }));
  const listed = (sub: string) =>
    existsSync(path.join(dir, sub)) ? readdirSync(path.join(dir, sub)).map((n) => path.posix.join(sub, n)) : [];
  const extra = [...listed(''), ...listed(OPEN_DATA_SCHEMA_DIR)].filter((n) => n.endsWith('.schema.json') && !texts.has(n));
  const code = writeGenerated(files, { check: options.check, fix: 'npm run schemas', what: 'schemas/ 中的 JSON Schema 文件' }, io);
  if (extra.length === 0) return code;
  io.stderr(`${options.check ? '✖' : '注意：'}schemas/ 中有多余文件（zod 定义中没有）：${extra.join('、')}，请删除后提交。\n`);
  return options.check ? 1 : code;
}
