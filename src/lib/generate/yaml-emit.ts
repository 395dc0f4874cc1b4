/**
 * A small, fast YAML writer for the generator's output: block mappings for the top level and
 * compact one-line flow mappings for list items (events, inspection checks), the way people
 * write these files. Scalars are written plain when YAML 1.2 reads them back as the same string
 * (the shared predicate of src/lib/load/plain-scalar.ts) and double-quoted (JSON escaping, valid
 * YAML) otherwise.
 */
import { isPlainScalar } from '../load/plain-scalar.ts';

/** A value the writer can emit. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** One scalar, plain when that reads back as the same string in flow context too (src/lib/load/plain-scalar.ts). */
export function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  return isPlainScalar(value, true) ? value : JSON.stringify(value);
}

/** A value on one line: scalars, `[a, b]` lists and `{ k: v }` mappings (undefined fields left out). */
export function flow(value: YamlValue): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  const fields = Object.entries(value as Record<string, YamlValue | undefined>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${flow(v!)}`);
  return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
}

/**
 * A block mapping: one `key: value` line per field (undefined fields left out). Lists of
 * mappings become `- { … }` lines, other lists and mappings `[…]`/`{…}` flows; a nested mapping
 * whose key is listed in `blocks` is written as an indented block.
 */
export function block(value: Readonly<Record<string, YamlValue | undefined>>, blocks: readonly string[] = [], indent = ''): string {
  let out = '';
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length > 0 && v.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      out += `${indent}${key}:\n`;
      for (const item of v) out += `${indent}  - ${flow(item)}\n`;
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && blocks.includes(key)) {
      out += `${indent}${key}:\n${block(v as Record<string, YamlValue>, blocks, `${indent}  `)}`;
    } else {
      out += `${indent}${key}: ${flow(v)}\n`;
    }
  }
  return out;
}
