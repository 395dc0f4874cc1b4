/**
 * `npm run schemas` writes `schemas/*.schema.json` from the zod schemas;
 * `npm run schemas -- --check` fails (exit 1) when the committed files are out of date.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderJsonSchemas } from '../src/lib/schema/json-schema.ts';
import { OPEN_DATA_SCHEMA_DIR, renderOpenDataSchemas } from '../src/lib/schema/opendata.ts';

const dir = path.resolve(import.meta.dirname, '..', 'schemas');
const check = process.argv.includes('--check');
const files = new Map([...renderJsonSchemas(), ...renderOpenDataSchemas()]);
const stale: string[] = [];
for (const [name, text] of files) {
  const file = path.join(dir, name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(name);
  else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote schemas/${name}`);
  }
}
const listed = (sub: string) =>
  existsSync(path.join(dir, sub)) ? readdirSync(path.join(dir, sub)).map((n) => path.posix.join(sub, n)) : [];
const extra = [...listed(''), ...listed(OPEN_DATA_SCHEMA_DIR)].filter((n) => n.endsWith('.schema.json') && !files.has(n));
if (check) {
  if (stale.length || extra.length) {
    console.error(
      `JSON Schema 与 zod 定义不一致：${[...stale, ...extra.map((n) => `${n}（多余）`)].join('、')}。请运行 npm run schemas 并提交 schemas/ 的改动。`,
    );
    process.exitCode = 1;
  } else console.log(`schemas/ 与 zod 定义一致（${files.size} 个文件）。`);
} else if (extra.length) console.warn(`schemas/ 中有多余文件：${extra.join('、')}`);
