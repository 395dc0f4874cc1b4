/**
 * A small, fast YAML writer for the generator's output: block mappings for the top level and
 * compact one-line flow mappings for list items (events, inspection checks), the way people
 * write these files. Scalars are written plain when YAML 1.2 reads them back as the same string
 * and double-quoted (JSON escaping, valid YAML) otherwise.
 */

/** A value the writer can emit. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** Plain scalars that a YAML 1.2 core schema would read as something other than a string. */
const RESERVED = /^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;
/** Looks like a number in the core schema (decimal, octal, hex, float, exponent). */
const NUMERIC = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
/** A date `YYYY-MM-DD`: a string in YAML 1.2, written plain like people write it. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Text safe as a plain scalar in block and flow context: no indicator first, no flow
 * characters, quotes or `#`, a colon only inside a word (`https://`), single inner spaces only.
 */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^\s,[\]{}#:'"]|:(?=[^\s,[\]{}])| (?=[^\s,[\]{}#:'"]))*$/u;

/** One scalar, plain when that reads back as the same string. */
export function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (DATE.test(value)) return value;
  if (value === '' || RESERVED.test(value) || NUMERIC.test(value) || !PLAIN.test(value)) return JSON.stringify(value);
  return value;
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
