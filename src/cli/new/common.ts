/**
 * What every scaffolder command shares: the loaded registry, the file it produces, and helpers
 * to build a commented YAML document in the canonical layout.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type * as z from 'zod';
import { fieldAt } from '../../lib/load/schema-check.ts';
import type { PathSegment } from '../../lib/load/positions.ts';
import type { Registry } from '../../lib/model.ts';
import { SCHEMAS, type FileKind } from '../../lib/schema/index.ts';
import { displayWidth } from '../../lib/format/scalar.ts';
import type { Answers, Choice, Question } from './form.ts';
import { dateError, type IdentifierIndex } from './checks.ts';

/** What a command works with. */
export interface CommandEnv {
  registry: Registry;
  index: IdentifierIndex;
  /** Absolute data directory. */
  dataDir: string;
  /** "Today". */
  asOf: string;
}

/** The file a command writes. */
export interface Output {
  /** Path inside the data directory. */
  rel: string;
  kind: FileKind;
  doc: Document;
  /** Source text of an existing file that is being extended (an event), or undefined for a new file. */
  source?: string;
  /** One line saying what was filed. */
  summary: string;
  /** Things the clerk should know (late filing, missing notice…). */
  warnings: string[];
}

/** A scaffolder command: its questions and how answers become a file. */
export interface Command {
  name: string;
  /** Chinese title, e.g. 备案新开设的账号. */
  title: string;
  questions(env: CommandEnv): Question[];
  /** The file to write, or a Chinese explanation of why the answers cannot be filed. */
  build(a: Answers, env: CommandEnv): Output | { error: string };
}

/** The field shape of the object schema at `path` of a file schema. */
export function shapeAt(root: z.ZodType, path: readonly PathSegment[] = [], data: unknown = {}): Record<string, z.ZodType> {
  const { schema } = fieldAt(root, path, data);
  const shape = (schema?._zod.def as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  if (!shape) throw new Error(`no object schema at ${path.join('.')}`);
  return shape;
}

/** The text answer `key`, or undefined. */
export function text(a: Answers, key: string): string | undefined {
  const v = a[key];
  return typeof v === 'string' ? v : undefined;
}

/** The list answer `key` (empty when missing). */
export function list(a: Answers, key: string): string[] {
  const v = a[key];
  return Array.isArray(v) ? v : [];
}

/** Unit choices, by full name; found also by short name and aliases, a unit before its sub-units. */
export function unitChoices(env: CommandEnv): Choice[] {
  const depth = (id: string, seen = new Set<string>()): number => {
    const parent = env.registry.unitById.get(id)?.parent;
    if (!parent || seen.has(id)) return 0;
    seen.add(id);
    return 1 + depth(parent, seen);
  };
  return env.registry.units.map((u) => ({
    value: u.id,
    label: u.name,
    hint: u.short_name ? `${u.short_name}，${u.id}` : u.id,
    search: [...(u.short_name ? [u.short_name] : []), ...u.aliases],
    depth: depth(u.id),
  }));
}

/** Whether a path inside the data directory exists. */
export function exists(env: CommandEnv, rel: string): boolean {
  return existsSync(path.join(env.dataDir, rel));
}

/** Wraps `items` into lines of at most `width` display columns, joined by `sep`. */
function wrap(items: readonly string[], sep: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}${sep}${item}` : item;
    if (line && displayWidth(next) > width) {
      lines.push(`${line}${sep.trimEnd()}`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A YAML document of `data` with comment lines above the first key: `header`, then a glossary
 * of the file's keys with their Chinese titles from the schema (`name 账号名称 · handle 账号 ID…`).
 */
export function commentedDocument(data: Record<string, unknown>, kind: FileKind, header: readonly string[]): Document {
  const doc = new Document(data, { version: '1.2' });
  const map = doc.contents as YAMLMap;
  const glossary = Object.keys(data).map((key) => `${key} ${fieldAt(SCHEMAS[kind] as z.ZodType, [key], data).meta.title ?? ''}`.trim());
  const lines = [...header, ...wrap(glossary, ' · ', 96).map((line, i) => (i === 0 ? `字段：${line}` : `      ${line}`))];
  const first = map.items[0]?.key as Node | undefined;
  if (first && isScalar(first)) first.commentBefore = lines.map((line) => ` ${line}`).join('\n');
  return doc;
}

/** The mapping at the top of a parsed document. */
export function rootMap(doc: Document): YAMLMap {
  if (!isMap(doc.contents)) throw new Error('not a mapping');
  return doc.contents;
}

/** The question for an event's filing date: today by default for scripts (a prompt starts empty), not before the event's date (`dateTitle` names that date). */
export function filedQuestion(env: CommandEnv, dateTitle: string): Question {
  return {
    key: 'filed',
    flag: 'filed',
    type: 'text',
    message: '备案日期（YYYY-MM-DD）',
    help: '备案日期 YYYY-MM-DD（默认今天）',
    initial: () => env.asOf,
    prefill: false,
    placeholder: () => `例如 ${env.asOf}`,
    check: (v, a) =>
      dateError('filed', '备案日期', String(v), env.asOf, text(a, 'date') ? { date: text(a, 'date')!, what: dateTitle } : undefined),
  };
}
