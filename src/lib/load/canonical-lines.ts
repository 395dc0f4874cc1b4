/**
 * A fast reader for data files written in the canonical layout (what `npm run fmt:data`,
 * `npm run new` and `npm run inspection:import` write). The `yaml` package is thorough but slow —
 * about 0.4 ms for an account file and 80 µs per line of an inspection record, so most of the
 * validator's time at national scale — while canonical files use a small, line-oriented subset:
 *
 *   - blank lines and `#` comment lines;
 *   - `key: VALUE` at column 0, or `key:` followed by lines indented two spaces that are either
 *     all `- { … }` items (a list of flow mappings) or all `key: VALUE` (a mapping);
 *   - VALUE: `null`; a plain text; a `"…"` or `'…'` text without escapes; `[a, b]`; `{ k: v, … }`.
 *
 * A plain text is read only when YAML 1.2 (core schema) reads it as exactly itself (the shared
 * predicate of ./plain-scalar.ts) and holds none of `#[]{}"'\`` or a control character, which the
 * line and flow splitting here leave to the `yaml` package.
 *
 * Anything else — another indentation, a trailing comment, a multi-line value, an escape, a
 * duplicate key, a number, CRLF, a BOM — returns null, and the file is read by the `yaml`
 * package as usual (which also reports its problems). So this only ever makes a file faster to
 * read, never read differently: the tests compare the data and the position of every key and
 * value with the `yaml` package's on every sample, fixture and generated file and on random
 * files built from tricky pieces.
 */
import { isPlainScalar } from './plain-scalar.ts';
import { PositionIndex, type PositionNode } from './positions.ts';
import type { ParsedYaml } from './yaml.ts';

const KEY_RE = /^[a-z_]+$/;
/** A key this reader takes (`__proto__` goes to the `yaml` package, which keeps it as data). */
const isKey = (key: string) => KEY_RE.test(key) && key !== '__proto__';
/**
 * Characters this reader's own line and flow splitting does not handle in a plain text (comments,
 * brackets, quotes, backslashes, controls): such a text goes to the `yaml` package.
 */
const NOT_HERE = /[\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF#[\]{}"'`\\]/;

/** Whether YAML reads `text`, written plain in block (or flow) context, as exactly this string, and this reader can split it. */
function isPlainString(text: string, flow: boolean): boolean {
  return !NOT_HERE.test(text) && isPlainScalar(text, flow);
}

/** A quoted text without escapes, or undefined. */
function quoted(text: string): string | undefined {
  const q = text[0];
  if ((q !== '"' && q !== "'") || text.length < 2 || text.at(-1) !== q) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes(q) || /[\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF\\]/.test(inner)) return undefined;
  return inner;
}

/** Reads one scalar written as `text` at `offset` into `slot`; undefined outside the grammar. */
function readScalar(text: string, offset: number, slot: PositionNode, flow: boolean): { value: string | null } | undefined {
  slot.value = offset;
  if (text === 'null') {
    slot.source = 'null';
    return { value: null };
  }
  const q = quoted(text);
  if (q !== undefined) return { value: q };
  return isPlainString(text, flow) ? { value: text } : undefined;
}

/** Splits the inside of a flow collection at `, ` outside quotes and brackets; positions are relative to `inner`. */
function splitFlow(inner: string): { text: string; at: number }[] | undefined {
  const parts: { text: string; at: number }[] = [];
  let start = 0;
  let quote = '';
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && inner[i + 1] === ' ' && depth === 0) {
      parts.push({ text: inner.slice(start, i), at: start });
      start = i + 2;
      i++;
    }
  }
  if (quote || depth !== 0) return undefined;
  parts.push({ text: inner.slice(start), at: start });
  return parts;
}

/** Reads a value written as `text` (the rest of a line, or a piece of a flow mapping) into `slot`. */
function readValue(text: string, offset: number, slot: PositionNode, flow: boolean): { value: unknown } | undefined {
  if (text.startsWith('[')) {
    slot.value = offset;
    if (text === '[]') return { value: [] };
    if (!text.endsWith(']')) return undefined;
    const parts = splitFlow(text.slice(1, -1));
    if (!parts) return undefined;
    const items: unknown[] = [];
    for (const part of parts) {
      const item = readScalar(part.text, offset + 1 + part.at, slot.child(items.length), true);
      if (!item || item.value === null) return undefined;
      items.push(item.value);
    }
    return { value: items };
  }
  if (text.startsWith('{')) {
    if (flow) return undefined; // no nested mappings
    slot.value = offset;
    return readFlowMapping(text, offset, slot);
  }
  return readScalar(text, offset, slot, flow);
}

/** Reads `{ key: value, … }` at `offset` into `slot`. */
function readFlowMapping(text: string, offset: number, slot: PositionNode): { value: Record<string, unknown> } | undefined {
  if (text === '{}') return { value: {} };
  if (!text.startsWith('{ ') || !text.endsWith(' }') || text.length < 5) return undefined;
  const parts = splitFlow(text.slice(2, -2));
  if (!parts) return undefined;
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    const colon = part.text.indexOf(': ');
    if (colon < 0) return undefined;
    const key = part.text.slice(0, colon);
    if (!isKey(key) || Object.hasOwn(out, key)) return undefined;
    const child = slot.child(key);
    child.key = offset + 2 + part.at;
    const value = readValue(part.text.slice(colon + 2), offset + 2 + part.at + colon + 2, child, true);
    if (!value) return undefined;
    out[key] = value.value;
  }
  return { value: out };
}

/** What the lines indented under a `key:` line hold. */
interface Block {
  key: string;
  slot: PositionNode;
  kind?: 'list' | 'map';
  list?: unknown[];
  map?: Record<string, unknown>;
}

/** Parses a text written in the canonical layout, or returns null (read it with the `yaml` package). */
export function parseCanonicalLines(text: string): ParsedYaml | null {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  const lineStarts = [0];
  const positions = new PositionIndex(lineStarts);
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  let block: Block | null = null;
  /** Closes the block of the previous `key:`; false when it was empty (YAML reads `key:` alone as null). */
  const close = () => {
    if (block && !block.kind) return false;
    block = null;
    return true;
  };
  let offset = 0;
  while (offset < text.length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const line = text.slice(offset, end);
    const trimmed = line.trimStart();
    if (trimmed === '') {
      if (line !== '') return null; // spaces only
    } else if (trimmed.startsWith('#')) {
      // a comment line
    } else if (line.startsWith('  ')) {
      const b = block as Block | null;
      if (!b) return null; // continues the previous value, or is indented wrongly
      if (line.startsWith('  - ')) {
        if (b.kind === 'map') return null;
        if (!b.kind) {
          b.kind = 'list';
          b.list = [];
          data[b.key] = b.list;
          b.slot.value = offset + 2;
        }
        const itemSlot = b.slot.child(b.list!.length);
        itemSlot.value = offset + 4;
        const item = readFlowMapping(line.slice(4), offset + 4, itemSlot);
        if (!item) return null;
        b.list!.push(item.value);
      } else {
        if (b.kind === 'list') return null;
        const colon = line.indexOf(': ');
        const key = line.slice(2, colon);
        if (colon < 0 || !isKey(key)) return null;
        if (!b.kind) {
          b.kind = 'map';
          b.map = {};
          data[b.key] = b.map;
          b.slot.value = offset + 2;
        }
        if (Object.hasOwn(b.map!, key)) return null;
        const child = b.slot.child(key);
        child.key = offset + 2;
        const value = readValue(line.slice(colon + 2), offset + colon + 2, child, false);
        if (!value) return null;
        b.map![key] = value.value;
      }
    } else {
      if (!close()) return null;
      const colon = line.indexOf(':');
      const key = line.slice(0, colon);
      if (colon < 0 || !isKey(key) || seen.has(key)) return null;
      seen.add(key);
      const slot = positions.root.child(key);
      slot.key = offset;
      if (line.length === colon + 1) {
        block = { key, slot };
      } else {
        if (line[colon + 1] !== ' ') return null;
        const value = readValue(line.slice(colon + 2), offset + colon + 2, slot, false);
        if (!value) return null;
        data[key] = value.value;
      }
    }
    if (end < text.length) lineStarts.push(end + 1);
    offset = end + 1;
  }
  if (!close()) return null;
  const keys = Object.keys(data);
  if (keys.length === 0) return null;
  positions.root.value = positions.root.get(keys[0]!)!.key;
  return { data, positions };
}
