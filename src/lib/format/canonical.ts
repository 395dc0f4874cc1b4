/**
 * The canonical layout of a data file, written from the `yaml` package's Document (so comments
 * survive):
 *
 * 1. First line `# yaml-language-server: $schema=<path>/schemas/<kind>.schema.json`.
 * 2. Keys in the order of the zod schema, `note` (备注) last, unknown keys after them as written.
 * 3. Mappings in block style, two-space indentation; lists of records — lifecycle events,
 *    inspection checks, rectifications, holidays — one `- { key: value, … }` line per record;
 *    lists of scalars on one line `[a, b]`, unless an item contains `, [ ] { }` (then one
 *    `- item` per line); empty collections `[]` and `{}`.
 * 4. Scalars as `scalar.ts` says: plain where possible, all-digit strings quoted, `null`,
 *    `true`/`false`.
 * 5. Every comment kept: full-line comments stay above the key or item they precede, trailing
 *    comments stay at the end of their line, and the trailing comments of consecutive lines are
 *    aligned two columns after the longest line. Blank lines between keys or items are kept (at
 *    most one); none at the start or end of the file. Comments written inside a one-line record
 *    move above it.
 *
 * Formatting never changes a value: the result is parsed again and compared with the input
 * (data and comments); a difference is a bug and throws instead of returning a changed file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import * as z from 'zod';
import { fieldAt } from '../load/schema-check.ts';
import type { PathSegment } from '../load/positions.ts';
import { parseYaml } from '../load/yaml.ts';
import {
  CheckSchema,
  EventSchema,
  FilingNumberEntrySchema,
  HolidaySchema,
  RectificationSchema,
  SCHEMAS,
  type FileKind,
} from '../schema/index.ts';
import { commentLines, commentOnSameLine, reattach } from './comments.ts';
import { inlineComment, pushComments, render, SCHEMA_COMMENT_RE, type OutLine } from './lines.ts';
import { doubleQuoted, inlineString, literalBlock, nonStringScalar } from './scalar.ts';

/** Options the `yaml` package parses data files with (the loader's options). */
export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  merge: false,
} as const;

/** Schemas of the records written one per line. */
const RECORD_SCHEMAS: ReadonlySet<z.ZodType> = new Set<z.ZodType>([
  EventSchema,
  CheckSchema,
  RectificationSchema,
  HolidaySchema,
  FilingNumberEntrySchema,
]);

interface Ctx {
  kind: FileKind;
  root: z.ZodType;
  data: unknown;
  /** Source text, when the document was parsed (tells trailing comments from full-line ones). */
  source?: string;
}

/** Splits a comment into the part on the node's own line and the full lines after it. */
function trailing(ctx: Ctx, node: Node | null | undefined): { inline?: string; after?: string } {
  const comment = node?.comment;
  if (!comment) return {};
  const lines = comment.split('\n');
  if (commentOnSameLine(ctx.source, node.range?.[1])) return { inline: lines[0], after: lines.slice(1).join('\n') || undefined };
  return { after: comment };
}

/** Splits the comment above a collection into the part on its key's line and the lines below. */
function leading(ctx: Ctx, keyNode: Node | null | undefined, value: Node): { inline?: string; below?: string } {
  const comment = value.commentBefore;
  if (!comment) return {};
  const lines = comment.split('\n');
  if (ctx.source !== undefined && commentOnSameLine(ctx.source, keyNode?.range?.[1], true)) {
    return { inline: lines[0], below: lines.slice(1).join('\n') || undefined };
  }
  return { below: comment };
}

/** The object schema's key order at `path`, following discriminated unions by the data. */
function keyOrder(ctx: Ctx, path: readonly PathSegment[]): string[] {
  const { schema } = fieldAt(ctx.root, path, ctx.data);
  if (!schema) return [];
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; discriminator?: string };
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union' && def.options) {
    let value: unknown = ctx.data;
    for (const s of path) value = (value as Record<PathSegment, unknown> | null | undefined)?.[s];
    const tag = def.discriminator ? (value as Record<string, unknown> | null | undefined)?.[def.discriminator] : undefined;
    const shapes = def.options.map((o) => (o._zod.def as { shape?: Record<string, z.ZodType> }).shape ?? {});
    const chosen = shapes.find((shape) => {
      const literal = def.discriminator ? (shape[def.discriminator]?._zod.def as { values?: unknown[] } | undefined) : undefined;
      return literal?.values?.includes(tag);
    });
    return [...new Set((chosen ? [chosen] : shapes).flatMap((shape) => Object.keys(shape)))];
  }
  return [];
}

function keyName(pair: Pair): string {
  const key = pair.key as Node | null;
  return isScalar(key) ? String(key.value) : '';
}

/** Pairs in canonical order: schema order with `note` last, then unknown keys as written. */
function orderedPairs(ctx: Ctx, map: YAMLMap, path: readonly PathSegment[]): Pair[] {
  const order = keyOrder(ctx, path).filter((k) => k !== 'note');
  order.push('note');
  const rank = (pair: Pair) => {
    const i = order.indexOf(keyName(pair));
    return i === -1 ? order.length : i;
  };
  return map.items
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index)
    .map((e) => e.pair);
}

function keyText(pair: Pair): string {
  const key = pair.key as Node | null;
  if (isScalar(key)) return typeof key.value === 'string' ? inlineString(key.value, true) : nonStringScalar(key);
  return '""';
}

/** Whether the list at `path` holds records written one per line. */
function isRecordList(ctx: Ctx, path: readonly PathSegment[]): boolean {
  const { schema } = fieldAt(ctx.root, [...path, 0], ctx.data);
  return !!schema && RECORD_SCHEMAS.has(schema);
}

/** Whether a node is a string with a line break. */
function isMultiline(node: unknown): node is Scalar<string> {
  return isScalar(node) && typeof node.value === 'string' && node.value.includes('\n');
}

/** One-line text of a scalar. */
function scalarText(node: Scalar, flow: boolean): string {
  return typeof node.value === 'string' ? inlineString(node.value, flow) : nonStringScalar(node);
}

/** A value on one line; comments found inside it are collected into `hoisted`. */
function flowText(ctx: Ctx, node: Node | null | undefined, path: readonly PathSegment[], hoisted: string[], top = false): string {
  if (!node) return 'null';
  if (!top) {
    if (node.commentBefore) hoisted.push(node.commentBefore);
    if (node.comment) hoisted.push(node.comment);
  }
  if (isScalar(node)) return scalarText(node, true);
  if (isSeq(node)) return `[${node.items.map((item, i) => flowText(ctx, item as Node, [...path, i], hoisted)).join(', ')}]`;
  if (isMap(node)) {
    if (node.items.length === 0) return '{}';
    const fields = orderedPairs(ctx, node, path).map((pair) => {
      const key = pair.key as Node | null;
      if (key?.commentBefore) hoisted.push(key.commentBefore);
      if (key?.comment) hoisted.push(key.comment);
      return `${keyText(pair)}: ${flowText(ctx, pair.value as Node | null, [...path, keyName(pair)], hoisted)}`;
    });
    return `{ ${fields.join(', ')} }`;
  }
  return 'null';
}

/** Whether a list of scalars can be written `[a, b]`. */
function isFlowableList(seq: YAMLSeq): boolean {
  return seq.items.every((item) => {
    if (!isScalar(item) || item.commentBefore || item.comment || item.spaceBefore) return false;
    if (typeof item.value !== 'string') return true;
    return !item.value.includes('\n') && !/[,[\]{}]/.test(item.value);
  });
}

/** Emits a string scalar value after `prefix` (`key:` or `-`), as a literal block when multi-line. */
function emitScalarLine(out: OutLine[], prefix: string, node: Scalar, indent: number, comment: string | undefined): void {
  if (isMultiline(node)) {
    const block = literalBlock(node.value);
    if (block) {
      out.push({ type: 'content', indent, text: `${prefix} ${block.header}`, comment });
      for (const line of block.lines) out.push({ type: 'raw', indent: indent + 2, text: line });
      return;
    }
    out.push({ type: 'content', indent, text: `${prefix} ${doubleQuoted(node.value)}`, comment });
    return;
  }
  out.push({ type: 'content', indent, text: `${prefix} ${scalarText(node, false)}`, comment });
}

/** Emits the value of `key:` (or of a `-` item when `keyNode` is null). */
function emitValue(
  ctx: Ctx,
  out: OutLine[],
  prefix: string,
  keyNode: Node | null,
  value: Node | null,
  indent: number,
  path: readonly PathSegment[],
): void {
  const keyComment = keyNode?.comment;
  if (!value || (isScalar(value) && value.value === null && !isMap(value) && !isSeq(value))) {
    const { inline, after } = trailing(ctx, value);
    out.push({ type: 'content', indent, text: `${prefix} null`, comment: inlineComment(keyComment, inline) });
    pushComments(out, after, indent);
    return;
  }
  if (isScalar(value)) {
    if (value.commentBefore) pushComments(out, value.commentBefore, indent);
    const { inline, after } = trailing(ctx, value);
    emitScalarLine(out, prefix, value, indent, inlineComment(keyComment, inline));
    pushComments(out, after, indent);
    return;
  }
  if (!isMap(value) && !isSeq(value)) return;
  const child = indent + 2;
  const { inline: leadInline, below } = leading(ctx, keyNode, value);

  if (value.items.length === 0) {
    pushComments(out, below, indent);
    const { inline, after } = trailing(ctx, value);
    out.push({
      type: 'content',
      indent,
      text: `${prefix} ${isMap(value) ? '{}' : '[]'}`,
      comment: inlineComment(keyComment, leadInline, inline),
    });
    pushComments(out, after, indent);
    return;
  }

  if (isSeq(value) && !isRecordList(ctx, path) && isFlowableList(value)) {
    pushComments(out, below, indent);
    const { inline, after } = trailing(ctx, value);
    const items = value.items.map((item) => scalarText(item as Scalar, true));
    out.push({ type: 'content', indent, text: `${prefix} [${items.join(', ')}]`, comment: inlineComment(keyComment, leadInline, inline) });
    pushComments(out, after, indent);
    return;
  }

  out.push({ type: 'content', indent, text: prefix, comment: inlineComment(keyComment, leadInline) });
  pushComments(out, below, child);
  if (isMap(value)) emitBlockMap(ctx, out, value, child, path);
  else emitBlockSeq(ctx, out, value, child, path);
  // A block collection's own comment is what follows its last entry.
  pushComments(out, value.comment, child);
}

/** Emits a block sequence whose `-` is at `indent`. */
function emitBlockSeq(ctx: Ctx, out: OutLine[], seq: YAMLSeq, indent: number, path: readonly PathSegment[]): void {
  const records = isRecordList(ctx, path);
  seq.items.forEach((raw, i) => {
    const item = raw as Node | null;
    const itemPath = [...path, i];
    if (item?.spaceBefore) out.push({ type: 'blank' });
    if (item && (isMap(item) || isSeq(item)) && item.commentBefore) pushComments(out, item.commentBefore, indent);
    if (item && isMap(item) && !records && item.items.length > 0) {
      const lines: OutLine[] = [];
      emitBlockMap(ctx, lines, item, indent + 2, itemPath);
      const first = lines.findIndex((l) => l.type === 'content');
      for (const [j, line] of lines.entries()) {
        if (j < first && line.type === 'comment') out.push({ ...line, indent });
        else if (j === first && line.type === 'content') out.push({ ...line, indent, text: `- ${line.text}` });
        else out.push(line);
      }
      pushComments(out, item.comment, indent + 2);
      return;
    }
    if (item && (isMap(item) || isSeq(item))) {
      const hoisted: string[] = [];
      const text = flowText(ctx, item, itemPath, hoisted, true);
      for (const c of hoisted) pushComments(out, c, indent);
      const { inline, after } = trailing(ctx, item);
      out.push({ type: 'content', indent, text: `- ${text}`, comment: inlineComment(inline) });
      pushComments(out, after, indent);
      return;
    }
    emitValue(ctx, out, '-', null, item, indent, itemPath);
  });
}

/** Emits a block mapping at `indent`. */
function emitBlockMap(ctx: Ctx, out: OutLine[], map: YAMLMap, indent: number, path: readonly PathSegment[]): void {
  for (const pair of orderedPairs(ctx, map, path)) {
    const key = pair.key as Node | null;
    if (key?.spaceBefore) out.push({ type: 'blank' });
    pushComments(out, key?.commentBefore, indent);
    emitValue(ctx, out, `${keyText(pair)}:`, key, pair.value as Node | null, indent, [...path, keyName(pair)]);
  }
}

/** The relative `$schema` path of a file at `rel` (path inside the data directory) when `schemas/` sits next to `data/`. */
export function schemaRefFor(rel: string, kind: FileKind): string {
  const depth = rel.split('/').length;
  return `${'../'.repeat(depth)}schemas/${kind}.schema.json`;
}

/**
 * The `schemas/` directory a data directory's files point at: `<data>/../schemas`, or the
 * nearest `schemas/` with the JSON Schemas further up (a test fixture inside the repository).
 */
export function findSchemaDir(dataDir: string): string {
  const first = path.join(path.dirname(path.resolve(dataDir)), 'schemas');
  for (let dir = path.dirname(path.resolve(dataDir)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schemas');
    if (existsSync(path.join(candidate, 'account.schema.json'))) return candidate;
    if (path.dirname(dir) === dir) return first;
  }
}

/** The `$schema` reference of the header line of the file at `abs`. */
export function schemaRefAt(abs: string, kind: FileKind, schemaDir: string): string {
  return path
    .relative(path.dirname(abs), path.join(schemaDir, `${kind}.schema.json`))
    .split(path.sep)
    .join('/');
}

/** The `$schema` reference named by a document's header comment, if any. */
export function existingSchemaRef(doc: Document): string | undefined {
  const first = isMap(doc.contents) ? (doc.contents.items[0]?.key as Node | undefined) : undefined;
  for (const text of [doc.commentBefore, first?.commentBefore]) {
    for (const line of text?.split('\n') ?? []) {
      const m = SCHEMA_COMMENT_RE.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** Thrown when formatting would change a value or lose a comment (a formatter bug). */
export class FormatSafetyError extends Error {}

/** The canonical text of a document, unverified (see `formatDocument`). */
function emitDocument(doc: Document, kind: FileKind, schemaRef: string, source?: string): string {
  if (!isMap(doc.contents)) throw new TypeError('a data file is a mapping');
  const data = doc.toJS({ maxAliasCount: 0 });
  const ctx: Ctx = { kind, root: SCHEMAS[kind] as z.ZodType, data, source };
  if (source !== undefined) {
    const rest = reattach(source, doc.contents);
    if (rest) doc.contents.comment = doc.contents.comment ? `${doc.contents.comment}\n${rest}` : rest;
  }
  const out: OutLine[] = [{ type: 'comment', indent: 0, text: `# yaml-language-server: $schema=${schemaRef}` }];
  if (doc.commentBefore) {
    pushComments(out, doc.commentBefore, 0);
    out.push({ type: 'blank' });
  }
  const hasTop = out.length > 1;
  const body: OutLine[] = [];
  emitBlockMap(ctx, body, doc.contents, 0, []);
  pushComments(body, doc.contents.comment, 0);
  // No blank line between the header and the first comment or key unless the source had one.
  if (!hasTop) while (body[0]?.type === 'blank') body.shift();
  out.push(...body);
  if (doc.comment) {
    out.push({ type: 'blank' });
    pushComments(out, doc.comment, 0);
  }
  return render(out);
}

/** Proves that `text` holds the same values and comments as `doc`; throws otherwise. */
function verify(doc: Document, text: string): void {
  const again = parseDocument(text, PARSE_OPTIONS);
  if (again.errors.length > 0) throw new FormatSafetyError(`formatted text does not parse: ${again.errors[0]!.message}`);
  if (!isDeepStrictEqual(again.toJS({ maxAliasCount: 0 }), doc.toJS({ maxAliasCount: 0 })))
    throw new FormatSafetyError('formatting would change a value');
  if (!isDeepStrictEqual(commentLines(again), commentLines(doc))) throw new FormatSafetyError('formatting would lose or change a comment');
}

/**
 * Writes a document (parsed from `source`, or built or modified in code) in the canonical
 * layout, and proves the result holds the same values and comments.
 * `schemaRef` is the `$schema` path of the header line.
 */
export function formatDocument(doc: Document, kind: FileKind, schemaRef: string, source?: string): string {
  const text = emitDocument(doc, kind, schemaRef, source);
  verify(doc, text);
  return text;
}

/** Whether a document uses what the loader refuses: aliases, anchors, tags, non-scalar keys. */
function isUnsafe(doc: Document): boolean {
  let unsafe = false;
  visit(doc, {
    Alias: () => {
      unsafe = true;
      return visit.BREAK;
    },
    Node: (_key, node) => {
      if (node.anchor || node.tag) {
        unsafe = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Pair: (_key, pair) => {
      if (pair.key !== null && !isScalar(pair.key)) {
        unsafe = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unsafe;
}

/** Result of formatting one file's text. */
export type FormatResult = { ok: true; text: string } | { ok: false; line: number; reason: string };

/** Strips a BOM and turns CRLF / CR line ends into LF (no value changes: YAML folds them anyway). */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Where a data file is, for its header line. */
export interface FileLocation {
  /** Path inside the data directory (`units/x/unit.yaml`). */
  rel: string;
  /** Display path used in reasons (`data/units/x/unit.yaml`); defaults to `rel`. */
  display?: string;
  /** Absolute path and the `schemas/` directory: the header then points at the real file. */
  abs?: string;
  schemaDir?: string;
}

/**
 * Formats the text of a data file. Files the loader refuses (syntax errors, anchors, duplicate
 * keys…) or whose content is not a mapping are left alone: the reason says what to fix first.
 */
export function formatDataText(text: string, kind: FileKind, where: FileLocation): FormatResult {
  const { rel, display = rel } = where;
  const source = normalizeNewlines(text);
  const doc = parseDocument(source, { ...PARSE_OPTIONS, uniqueKeys: true });
  if (doc.errors.length > 0 || isUnsafe(doc)) {
    // The loader's own reading says what is wrong, in Chinese, with the line.
    const first = parseYaml(source, display).problems[0];
    return { ok: false, line: first?.line ?? 1, reason: first?.message ?? doc.errors[0]?.message ?? 'YAML 无法读取' };
  }
  if (!isMap(doc.contents)) return { ok: false, line: 1, reason: '文件内容不是“字段: 值”的形式，无法整理格式。' };
  const existing = existingSchemaRef(doc);
  const wanted = where.abs && where.schemaDir ? schemaRefAt(where.abs, kind, where.schemaDir) : schemaRefFor(rel, kind);
  const ref = existing && /^https?:\/\//.test(existing) && existing.endsWith(`/${kind}.schema.json`) ? existing : wanted;
  const formatted = emitDocument(doc, kind, ref, source);
  // A file that is already canonical needs no proof; any other result is checked.
  if (formatted !== source) verify(doc, formatted);
  return { ok: true, text: formatted };
}
