/**
 * Checks parsed data against a zod schema and turns each zod issue into one `schema` problem
 * on the exact key or value, with the field's Chinese title and a fix.
 */
import * as z from 'zod';
import { codePointLabel, codePointName, labelInvisible } from '../code-points.ts';
import { INVISIBLE_RE } from '../../shared/invisible.ts';
import { problem, type Problem } from '../problems.ts';
import type { PathSegment, PositionIndex } from './positions.ts';

type AnySchema = z.ZodType;

interface FieldMeta {
  title?: string;
  description?: string;
}

function metaOf(schema: AnySchema): FieldMeta {
  return (schema.meta() as FieldMeta | undefined) ?? {};
}

/** Longest piece of a value from the file quoted in a message, in characters. */
export const MAX_QUOTED_CHARS = 200;

/**
 * A value from the file as a message quotes it: invisible and control characters written as
 * `[U+001B]`, and at most MAX_QUOTED_CHARS characters. A message must not carry a hostile
 * file's terminal escape sequences into the CI log, nor a 7 MB string into every output.
 */
export function quoteValue(text: string): string {
  let shown = text;
  if (text.length > MAX_QUOTED_CHARS) {
    let count = 0;
    for (const _ of text) count++;
    if (count > MAX_QUOTED_CHARS)
      shown = `${Array.from(text.slice(0, MAX_QUOTED_CHARS * 2))
        .slice(0, MAX_QUOTED_CHARS)
        .join('')}…（共 ${count} 个字符）`;
  }
  return labelInvisible(shown);
}

/** Unwraps optional/nullable/default/pipe wrappers, collecting the outermost metadata. */
function unwrap(schema: AnySchema, meta: FieldMeta): { schema: AnySchema; meta: FieldMeta } {
  let current = schema;
  let merged = { ...metaOf(current), ...meta };
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    current = inner;
    merged = { ...metaOf(current), ...merged };
  }
  return { schema: current, meta: merged };
}

/**
 * The schema and metadata of the field at `path`, following the data where the schema branches
 * (discriminated unions pick the option the data's discriminator names).
 */
export function fieldAt(root: AnySchema, path: readonly PathSegment[], data: unknown): { schema?: AnySchema; meta: FieldMeta } {
  let { schema, meta } = unwrap(root, {});
  let value = data;
  for (const segment of path) {
    const def = schema._zod.def as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      options?: AnySchema[];
      discriminator?: string;
    };
    if (def.type === 'union' && def.options && def.discriminator) {
      const tag = (value as Record<string, unknown> | null)?.[def.discriminator];
      const option = def.options.find((o) => {
        const shape = (o._zod.def as { shape?: Record<string, AnySchema> }).shape;
        const literal = shape?.[def.discriminator!]?._zod.def as { values?: unknown[] } | undefined;
        return literal?.values?.includes(tag);
      });
      if (!option) return { meta: {} };
      ({ schema } = unwrap(option, {}));
    }
    const d = schema._zod.def as typeof def;
    let next: AnySchema | undefined;
    if (d.type === 'object' && typeof segment === 'string') next = d.shape?.[segment];
    else if (d.type === 'array' && typeof segment === 'number') next = d.element;
    if (!next) return { meta: {} };
    ({ schema, meta } = unwrap(next, {}));
    value = (value as Record<PathSegment, unknown> | null | undefined)?.[segment];
  }
  return { schema, meta };
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<PathSegment, unknown> | null | undefined)?.[segment];
  return value;
}

/** Chinese name of a JSON type. */
function typeName(value: unknown): string {
  if (value === null) return '空值 null';
  if (Array.isArray(value)) return '列表';
  switch (typeof value) {
    case 'string':
      return '文字';
    case 'number':
      return '数字';
    case 'boolean':
      return '是/否（true/false）';
    case 'object':
      return '字段组';
    default:
      return '空';
  }
}

const EXPECTED_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（每项以“- ”开头，或写成 [a, b]）',
  object: '字段组（下一行缩进后逐项填写）',
  null: 'null',
};

/** A date the clerk probably meant, zero-padded, when the text is a recognisable date. */
export function suggestDate(text: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Closest allowed key to a misspelt one (edit distance ≤ 2), for "did you mean". */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function fieldLabel(path: readonly PathSegment[], meta: FieldMeta): { field: string; title: string } {
  const last = [...path].reverse().find((s) => typeof s === 'string');
  return { field: last === undefined ? '文件' : String(last), title: meta.title ?? '' };
}

function issueToProblem(issue: z.core.$ZodIssue, root: AnySchema, data: unknown, file: string, positions: PositionIndex): Problem[] {
  const path = issue.path as PathSegment[];
  const value = valueAt(data, path);
  const { meta } = fieldAt(root, path, data);
  const { field, title } = fieldLabel(path, meta);
  const at = (p: readonly PathSegment[] = path, which: 'key' | 'value' = 'value') => ({ file, ...positions.at(p, which) });
  const base = { field, title };

  // A field that is not there is missing, whatever check zod ran first (an enum's `invalid_value`
  // would otherwise quote 「undefined」 as a wrong value).
  if (
    value === undefined &&
    path.length > 0 &&
    issue.code !== 'unrecognized_keys' &&
    !(issue.code === 'invalid_union' && 'discriminator' in issue)
  ) {
    return [problem('schema.missing', at(path), { ...base, hint: meta.description ?? '' })];
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const parent = fieldAt(root, path, data).schema;
      const shape = (parent?._zod.def as { shape?: Record<string, AnySchema> } | undefined)?.shape ?? {};
      const allowed = Object.keys(shape);
      return issue.keys.map((key) =>
        problem('schema.unknown-key', at([...path, key], 'key'), {
          key: quoteValue(key),
          suggestion: closest(key, allowed) ?? '',
          allowed: allowed.join('、'),
        }),
      );
    }
    case 'invalid_type': {
      if (value === undefined) {
        if (path.length === 0) return [problem('schema.empty', at([]), {})];
        return [problem('schema.missing', at(path), { ...base, hint: meta.description ?? '' })];
      }
      const expected = String(issue.expected);
      const source = positions.scalarSource(path);
      if (expected === 'string' && source !== undefined && value !== null) {
        return [problem('schema.quote', at(), { ...base, source: quoteValue(source), read: typeName(value) })];
      }
      if (path.length === 0) return [problem('schema.not-object', at([]), { actual: typeName(value) })];
      if (expected === 'int' && typeof value === 'number') {
        return [problem('schema.type', at(), { ...base, expected: '整数', actual: String(value) })];
      }
      return [
        problem('schema.type', at(), {
          ...base,
          expected: EXPECTED_NAMES[expected] ?? expected,
          actual: source !== undefined ? quoteValue(source) : typeof value === 'string' ? `文字「${quoteValue(value)}」` : typeName(value),
        }),
      ];
    }
    case 'invalid_format': {
      const text = typeof value === 'string' ? value : String(value);
      if (issue.format === 'date') {
        return [problem('schema.date', at(), { ...base, value: quoteValue(text), suggestion: suggestDate(text) ?? '' })];
      }
      if (issue.format === 'regex') {
        const invisible = text.match(INVISIBLE_RE);
        if (invisible) {
          const ch = invisible[0];
          const cp = ch.codePointAt(0)!;
          const index = [...text.slice(0, text.indexOf(ch))].length + 1;
          return [
            problem('schema.invisible', at(), {
              ...base,
              char: codePointLabel(cp),
              name: codePointName(cp),
              index,
            }),
          ];
        }
        if (text.trim() === '') return [problem('schema.blank', at(), base)];
        if (/\s/.test(text)) return [problem('schema.whitespace', at(), { ...base, value: quoteValue(text) })];
        return [problem('schema.format', at(), { ...base, value: quoteValue(text), hint: meta.description ?? '' })];
      }
      return [problem('schema.format', at(), { ...base, value: quoteValue(text), hint: meta.description ?? '' })];
    }
    case 'too_small': {
      if (issue.origin === 'string') return [problem('schema.blank', at(), base)];
      if (issue.origin === 'array') return [problem('schema.too-few', at(), { ...base, min: Number(issue.minimum) })];
      return [problem('schema.range', at(), { ...base, value: quoteValue(String(value)), hint: meta.description ?? '' })];
    }
    case 'too_big': {
      if (issue.origin === 'string') {
        return [problem('schema.too-long', at(), { ...base, length: [...String(value)].length, max: Number(issue.maximum) })];
      }
      return [problem('schema.range', at(), { ...base, value: quoteValue(String(value)), hint: meta.description ?? '' })];
    }
    case 'invalid_value':
      return [
        problem('schema.enum', at(), { ...base, value: quoteValue(String(value)), options: meta.description ?? issue.values.join('、') }),
      ];
    case 'invalid_union': {
      const u = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (u.discriminator) {
        if (value === undefined) return [problem('schema.missing', at(), { field: u.discriminator, title: '事项类型', hint: '' })];
        return [
          problem('schema.enum', at(), {
            field: u.discriminator,
            title: '事项类型',
            value: quoteValue(String(value)),
            options: (u.options ?? []).join('、'),
          }),
        ];
      }
      return [problem('schema.format', at(), { ...base, value: quoteValue(String(value)), hint: meta.description ?? '' })];
    }
    default:
      return [problem('schema.format', at(), { ...base, value: quoteValue(String(value)), hint: meta.description ?? '' })];
  }
}

type Issue = z.core.$ZodIssue;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every issue of `data`, even when there are too many for zod. zod gathers the issues of a
 * value and spreads them into its parent's list (`push(...issues)`); past several hundred
 * thousand issues in one field (a list of that many wrong items) that overflows the call stack.
 * Then the value is checked piece by piece: a list item by item, a field group key by key
 * (unknown and missing keys found here, as zod finds them), so the result is the same issues,
 * only gathered without the spread. `split` checks piece by piece from the start.
 */
function collectIssues(schema: AnySchema, data: unknown, prefix: readonly PathSegment[], out: Issue[], split = false): void {
  let result;
  try {
    if (!split) result = schema.safeParse(data);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  if (!result) {
    const def = unwrap(schema, {}).schema._zod.def as { type: string; element?: AnySchema; shape?: Record<string, AnySchema> };
    // A list's own checks (at least one item) cannot fail once it has two items.
    if (def.type === 'array' && def.element && Array.isArray(data) && data.length >= 2) {
      for (let i = 0; i < data.length; i++) collectIssues(def.element, data[i], [...prefix, i], out);
      return;
    }
    if (def.type === 'object' && def.shape && isRecord(data)) {
      const unknown = Object.keys(data).filter((key) => !Object.hasOwn(def.shape!, key));
      if (unknown.length > 0) out.push({ code: 'unrecognized_keys', keys: unknown, path: [...prefix], message: '', input: data } as Issue);
      for (const [key, field] of Object.entries(def.shape)) collectIssues(field, data[key], [...prefix, key], out);
      return;
    }
    if (!split) throw new RangeError(`${schema._zod.def.type} 的问题太多，无法逐项检查`);
    result = schema.safeParse(data);
  }
  if (result.success) return;
  for (const issue of result.error.issues) out.push(prefix.length > 0 ? { ...issue, path: [...prefix, ...issue.path] } : issue);
}

/** The issues of `data` checked piece by piece (what checkSchema falls back to), for tests. */
export function piecewiseIssues(schema: AnySchema, data: unknown): Issue[] {
  const out: Issue[] = [];
  collectIssues(schema, data, [], out, true);
  return out;
}

/** Validates `data` with `schema`; returns the parsed value or one problem per field. */
export function checkSchema<S extends AnySchema>(
  schema: S,
  data: unknown,
  file: string,
  positions: PositionIndex,
): { value: z.output<S>; problems: [] } | { value?: undefined; problems: Problem[] } {
  let result;
  try {
    result = schema.safeParse(data);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    result = undefined;
  }
  if (result?.success) return { value: result.data, problems: [] };
  let issues: Issue[] = [];
  if (result) issues = result.error.issues;
  else collectIssues(schema, data, [], issues);
  const problems: Problem[] = [];
  for (const issue of issues) for (const p of issueToProblem(issue, schema, data, file, positions)) problems.push(p);
  return { problems };
}
