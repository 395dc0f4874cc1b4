/**
 * The one answer to "may this string be written as a plain YAML scalar?", for the canonical
 * writer (src/lib/format/scalar.ts), the canonical reader (./canonical-lines.ts, which reads a
 * plain text itself only when this says yes) and the generator (src/lib/generate/yaml-emit.ts).
 *
 * Yes when YAML 1.2 (core schema) reads the plain text back as the same string: the text is
 * visible, one line, trimmed, starts with no indicator, has no backslash and no `[ ]` (which read
 * like a list), no `: ` or ` #`, does not end with `:`, is not a number, boolean or null in any
 * spelling (dates `YYYY-MM-DD` are strings in YAML 1.2) — and, inside `[…]` and `{…}`, has no
 * `, { }` either. test/plain-scalar.test.ts checks it against the `yaml` package: whatever this
 * accepts, `yaml` reads back unchanged and writes plain itself; and it accepts everything `yaml`
 * writes plain except texts with `[ ] \` or a tab, or an indicator first (kept quoted so that a
 * reader never wonders).
 */
import { Document } from 'yaml';
import { INVISIBLE_CLASS } from '../../shared/invisible.ts';

/** Tags of the YAML 1.2 core schema other than `str`, with the plain forms they claim. */
const NON_STRING_TAGS = (() => {
  const schema = new Document(null, { version: '1.2', schema: 'core' }).schema;
  return schema.tags.filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && 'test' in t && t.test instanceof RegExp) as {
    test: RegExp;
  }[];
})();

/** `YYYY-MM-DD`: a string in YAML 1.2, written plain. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Characters that need an escape sequence to be seen or to be valid. */
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}\\uFFFE\\uFFFF]|[\\uD800-\\uDFFF]`, 'u');
/** First characters a plain scalar cannot start with (YAML indicators). */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Never in a plain scalar: brackets read like a list, a backslash like an escape. */
const NEVER_PLAIN = /[[\]\\]/;
/** Flow indicators: not in a plain scalar inside `[…]` or `{…}`. */
const FLOW_INDICATOR = /[,{}]/;

/** Whether YAML 1.2 core schema reads this plain text as something other than a string. */
function resolvesToNonString(text: string): boolean {
  if (DATE.test(text)) return false;
  if (!/^[-+.0-9~nNtTfF]/.test(text)) return false;
  return NON_STRING_TAGS.some((t) => t.test.test(text));
}

/** Whether a string can be written as a plain scalar (with `flow`: inside `[…]` or `{…}`). */
export function isPlainScalar(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (INVISIBLE.test(text) || /[^\S ]/u.test(text) || NEVER_PLAIN.test(text)) return false;
  if (INDICATOR_FIRST.test(text) || (flow && FLOW_INDICATOR.test(text))) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  return !resolvesToNonString(text);
}
