/**
 * How the canonical format (`npm run fmt:data`, test/fmt.test.ts) writes one scalar:
 *
 * - plain when YAML 1.2 (core schema) reads the plain text back as the same string (the one
 *   predicate of src/lib/load/plain-scalar.ts, shared with the reader and the generator);
 * - otherwise single-quoted when it looks like a pattern (`\ [ ] { } | *`: regular expressions,
 *   wildcard hosts), so that it reads exactly as written, and double-quoted in every other case,
 *   with invisible and control characters escaped (`\u200B`) so that a reviewer sees them;
 * - multi-line text in block context as a literal block (`|`), one line per line.
 *
 * All-digit strings (微博 UID, 行政区划代码) are therefore always quoted, dates are plain.
 */
import type { Scalar } from 'yaml';
import { isPlainScalar } from '../load/plain-scalar.ts';
import { INVISIBLE_CLASS } from '../../shared/invisible.ts';

/** Characters that must be escaped in a double-quoted scalar to stay visible and valid. */
const ESCAPE_CHAR = new RegExp(`^(?:[${INVISIBLE_CLASS}\\uFFFE\\uFFFF]|[\\uD800-\\uDFFF])$`, 'u');

/** Text that looks like a pattern: single-quoted (written as is) when it needs quotes. */
const PATTERN_LIKE = /[\\[\]{}|*]/;

/** Whether a string can be written as a plain scalar (src/lib/load/plain-scalar.ts). */
export const canBePlain = isPlainScalar;

/** Whether a character needs an escape sequence in a double-quoted scalar. */
function needsEscape(ch: string): boolean {
  return ESCAPE_CHAR.test(ch);
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0', '"': '\\"', '\\': '\\\\' };

/** A double-quoted scalar: JSON-like escapes, invisible and control characters as `\uXXXX`. */
export function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (needsEscape(ch)) {
      const cp = ch.codePointAt(0)!;
      out += cp <= 0xffff ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** A single-quoted scalar (no escapes: `'` is doubled). Only for one line of visible text. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Whether text is one line of visible characters (single quotes can hold it as written). */
function isVisibleLine(text: string): boolean {
  return ![...text].some(needsEscape);
}

/** A string scalar on one line (keys, values in flow context, single-line block values). */
export function inlineString(text: string, flow: boolean): string {
  if (canBePlain(text, flow)) return text;
  if (PATTERN_LIKE.test(text) && isVisibleLine(text)) return singleQuoted(text);
  return doubleQuoted(text);
}

/**
 * Lines of a literal block scalar for multi-line text (`|`, or `|-` without a final line
 * break), or null when the text cannot be written as one faithfully (leading blank or space,
 * trailing spaces on a line, several final line breaks, characters that need escapes).
 */
export function literalBlock(text: string): { header: string; lines: string[] } | null {
  if (!text.includes('\n') || /^[ \n]/.test(text) || / \n|[ ]$/.test(text)) return null;
  if (/\n\n$/.test(text) || [...text].some((ch) => ch !== '\n' && needsEscape(ch))) return null;
  const clipped = text.endsWith('\n');
  const body = clipped ? text.slice(0, -1) : text;
  return { header: clipped ? '|' : '|-', lines: body.split('\n') };
}

/** A non-string scalar: numbers as written in the source, canonical booleans and `null`. */
export function nonStringScalar(node: Scalar): string {
  const value = node.value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const source = (node as Scalar & { source?: string }).source;
    if (typeof source === 'string' && source !== '' && Number(source) === value) return source;
    if (Number.isNaN(value)) return '.nan';
    if (value === Infinity) return '.inf';
    if (value === -Infinity) return '-.inf';
    return String(value);
  }
  if (typeof value === 'bigint') return String(value);
  return doubleQuoted(String(value));
}

/** Terminal columns of a text: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
