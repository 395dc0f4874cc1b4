/** JSON Schema generated from the zod schemas (the single source of truth), one per file kind. */
import * as z from 'zod';
import { SCHEMAS, type FileKind } from './index.ts';

/** File name of a kind's published JSON Schema. */
export function jsonSchemaFileName(kind: FileKind): string {
  return `${kind}.schema.json`;
}

/** The JSON Schema (draft-07, as editors' YAML plugins expect) of the files of one kind, as they are written. */
export function jsonSchemaOf(kind: FileKind): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind], { target: 'draft-7', io: 'input', unrepresentable: 'throw' });
  return { $id: jsonSchemaFileName(kind), ...schema };
}

/** Every JSON Schema, serialised exactly as committed under `schemas/`. */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of Object.keys(SCHEMAS) as FileKind[]) {
    files.set(jsonSchemaFileName(kind), `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`);
  }
  return files;
}
