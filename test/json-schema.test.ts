/**
 * The published JSON Schemas: generated from zod, committed and up to date, and giving the same
 * accept/reject verdict as zod on every fixture file that parses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { scanLayout } from '../src/lib/load/layout.ts';
import { parseYaml } from '../src/lib/load/yaml.ts';
import { FILE_KINDS, SCHEMAS, type FileKind } from '../src/lib/schema/index.ts';
import { renderJsonSchemas } from '../src/lib/schema/json-schema.ts';
import { REPO } from './helpers/fixture.ts';

const SCHEMA_DIR = path.join(REPO, 'schemas');
const CORPUS_DIR = path.join(REPO, 'test', 'fixtures', 'schema');

function ajvValidators(): Record<FileKind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return Object.fromEntries(
    FILE_KINDS.map((kind) => [kind, ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${kind}.schema.json`), 'utf8')))]),
  ) as Record<FileKind, ValidateFunction>;
}

/** Every YAML file of the fixture corpus with its kind: the schema corpus, fixture registries and the sample data. */
function corpus(): { file: string; kind: FileKind }[] {
  const files: { file: string; kind: FileKind }[] = [];
  for (const kind of readdirSync(CORPUS_DIR) as FileKind[]) {
    for (const name of readdirSync(path.join(CORPUS_DIR, kind))) files.push({ file: path.join(CORPUS_DIR, kind, name), kind });
  }
  const registries = [path.join(REPO, 'data'), path.join(REPO, 'test', 'fixtures', 'registry', 'data')];
  for (const dir of registries) for (const ref of scanLayout(dir).files) files.push({ file: ref.abs, kind: ref.kind });
  return files;
}

describe('JSON Schemas', () => {
  it('are committed exactly as generated from the zod schemas', () => {
    const committed = readdirSync(SCHEMA_DIR)
      .filter((n) => n.endsWith('.schema.json'))
      .sort();
    const rendered = renderJsonSchemas();
    expect(committed).toEqual([...rendered.keys()].sort());
    for (const [name, text] of rendered) expect(readFileSync(path.join(SCHEMA_DIR, name), 'utf8'), name).toBe(text);
  });

  it('give the same verdict as zod on every fixture file that parses', () => {
    const validators = ajvValidators();
    const files = corpus();
    let compared = 0;
    const verdicts = { accepted: 0, rejected: 0 };
    for (const { file, kind } of files) {
      const parsed = parseYaml(readFileSync(file, 'utf8'), file).parsed;
      if (!parsed) continue;
      const zodOk = SCHEMAS[kind].safeParse(parsed.data).success;
      const ajvOk = validators[kind](parsed.data);
      expect({ file: path.relative(REPO, file), ajv: ajvOk }).toEqual({ file: path.relative(REPO, file), ajv: zodOk });
      compared++;
      verdicts[zodOk ? 'accepted' : 'rejected']++;
    }
    expect(compared).toBeGreaterThan(60);
    expect(verdicts.rejected).toBeGreaterThan(25);
  });

  it('match the verdict each schema corpus file name announces', () => {
    for (const { file, kind } of corpus().filter((f) => f.file.startsWith(CORPUS_DIR))) {
      const parsed = parseYaml(readFileSync(file, 'utf8'), file).parsed;
      const expected = path.basename(file).startsWith('valid');
      const ok = parsed !== undefined && SCHEMAS[kind].safeParse(parsed.data).success;
      expect({ file: path.relative(CORPUS_DIR, file), ok }).toEqual({ file: path.relative(CORPUS_DIR, file), ok: expected });
    }
  });
});
