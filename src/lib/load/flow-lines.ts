/**
 * A fast path for the one large file kind: weekly inspection records, which hold one flow
 * mapping per checked account (`  - { account: jiaoyuju/wechat, last_post: 2026-11-20, findings: [] }`).
 * The `yaml` package needs about 80 µs per such line — two seconds for an inspection of 20,000
 * accounts, more than validating all their account files — so files written in exactly the
 * canonical form (what `npm run fmt:data` and `npm run inspection:import` write) are read line
 * by line here instead.
 *
 * The grammar accepted is deliberately narrow, and every value in it means the same in YAML 1.2
 * (core schema) as here:
 *
 *   - blank lines and `#` comment lines (at any indentation);
 *   - `key: VALUE` and `key:` at column 0, the latter followed by items `  - { key: VALUE, … }`;
 *   - VALUE: `null`; a date `2026-11-23`; an id of lower-case letters, digits, `-`, `_` and one
 *     `/` that starts with a letter (or contains the `/`), so never a number or boolean; a
 *     text with at least one non-ASCII character and none of YAML's indicators (Chinese notes);
 *     `[]` or `[ID, ID]` (a flow sequence of ids);
 *   - pairs separated by exactly `, `, braces with one space inside, no trailing spaces.
 *
 * Anything else — another spacing, quotes, a duplicate key, `true`, a number, a CR, a BOM —
 * returns null and the file goes through the `yaml` package as usual, which also reports its
 * problems. So this can only make a file faster to read, never read it differently: the tests
 * compare data and every position with the `yaml` path on real and generated files.
 */
import { PositionIndex, type PositionNode } from './positions.ts';
import type { ParsedYaml } from './yaml.ts';

/** Lower-case id: starts with a letter, or has a `/` (`123/wechat`), so YAML never reads it as a number. */
const ID = /^(?:[a-z][a-z0-9_-]*(?:\/[a-z0-9_-]+)?|[0-9][a-z0-9_-]*\/[a-z0-9_-]+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Ids YAML's core schema reads as something other than a string. */
const RESERVED = new Set(['null', 'true', 'false']);
/**
 * A one-line text that YAML reads as exactly itself: no ASCII indicator or quote, no control,
 * no line or paragraph separator, not starting or ending with a space, and with a non-ASCII
 * character (so never a number, boolean or null).
 */
const TEXT = /^(?=[^\x00-\x7F]|[A-Za-z0-9(（])[^\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF,[\]{}#:"'`!|>%@&*?\\]*$/;
const HAS_NON_ASCII = /[^\x00-\x7F]/;

const KEY = /^[a-z_]+$/;

/** The value of one plain token, or undefined when the token is outside the grammar. */
function scalar(token: string): { value: string | null; source?: string } | undefined {
  if (token === 'null') return { value: null, source: 'null' };
  if (RESERVED.has(token)) return undefined;
  if (ID.test(token) || DATE.test(token)) return { value: token };
  if (token.length > 0 && token.at(-1) !== ' ' && HAS_NON_ASCII.test(token) && TEXT.test(token)) return { value: token };
  return undefined;
}

/** Reads `value` starting at `offset` into `slot`; returns the value, or undefined outside the grammar. */
function readValue(text: string, offset: number, slot: PositionNode): unknown {
  slot.value = offset;
  if (text.startsWith('[')) {
    if (text === '[]') return [];
    if (!text.endsWith(']')) return undefined;
    const items: string[] = [];
    let at = offset + 1;
    for (const token of text.slice(1, -1).split(', ')) {
      if (token !== token.trim() || !ID.test(token) || RESERVED.has(token)) return undefined;
      slot.child(items.length).value = at;
      items.push(token);
      at += token.length + 2;
    }
    return items;
  }
  const read = scalar(text);
  if (!read) return undefined;
  if (read.source !== undefined) slot.source = read.source;
  return read.value;
}

/** Reads the inside of `{ … }`: `key: value` pairs separated by `, ` (a list value ends at its `]`). */
function readMapping(inner: string, offset: number, slot: PositionNode): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let i = 0;
  while (i < inner.length) {
    const colon = inner.indexOf(': ', i);
    if (colon < 0) return undefined;
    const key = inner.slice(i, colon);
    if (!KEY.test(key) || Object.hasOwn(out, key)) return undefined;
    const start = colon + 2;
    let end = inner[start] === '[' ? inner.indexOf(']', start) + 1 : inner.indexOf(', ', start);
    if (end === 0) return undefined;
    if (end < 0) end = inner.length;
    if (end < inner.length && !inner.startsWith(', ', end)) return undefined;
    const child = slot.child(key);
    child.key = offset + i;
    const value = readValue(inner.slice(start, end), offset + start, child);
    if (value === undefined) return undefined;
    out[key] = value;
    i = end + 2;
    if (i === inner.length) return undefined; // a trailing `, `
  }
  return out;
}

/** Parses a text written in the canonical flow-line form, or returns null (use the `yaml` package). */
export function parseFlowLines(text: string): ParsedYaml | null {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  const lineStarts = [0];
  const positions = new PositionIndex(lineStarts);
  const data: Record<string, unknown> = {};
  let list: unknown[] | null = null;
  let listSlot: PositionNode | null = null;
  let offset = 0;
  while (offset < text.length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const line = text.slice(offset, end);
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      // Blank and comment lines; a comment may not end a list (the next key does).
      if (trimmed === '' && line !== '') return null;
    } else if (line.startsWith('  - { ') && line.endsWith(' }')) {
      if (!list || !listSlot) return null;
      if (list.length === 0) listSlot.value = offset + 2;
      const itemSlot = listSlot.child(list.length);
      itemSlot.value = offset + 4;
      const item = readMapping(line.slice(6, -2), offset + 6, itemSlot);
      if (!item) return null;
      list.push(item);
    } else {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon);
      if (colon < 0 || !KEY.test(key) || Object.hasOwn(data, key)) return null;
      if (list && list.length === 0) return null; // `key:` with nothing under it is null in YAML
      const slot = positions.root.child(key);
      slot.key = offset;
      list = null;
      listSlot = null;
      if (line.length === colon + 1) {
        list = [];
        listSlot = slot;
        data[key] = list;
      } else {
        if (line[colon + 1] !== ' ') return null;
        const value = readValue(line.slice(colon + 2), offset + colon + 2, slot);
        if (value === undefined) return null;
        data[key] = value;
      }
    }
    if (end < text.length) lineStarts.push(end + 1);
    offset = end + 1;
  }
  if (list && list.length === 0) return null;
  const keys = Object.keys(data);
  if (keys.length === 0) return null;
  positions.root.value = positions.root.get(keys[0]!)!.key;
  return { data, positions };
}
