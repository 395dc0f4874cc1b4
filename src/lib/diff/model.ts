/**
 * What changed between two registry models (the base and the head of a pull request), in the
 * registry's own terms: accounts opened, changed, suspended, resumed, deregistered or edited;
 * units, impostors and inspections added or changed; shared files (site, policy, platforms,
 * calendar) changed. Compares values, never text, so formatting changes do not show.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Account, ImpostorRecord, InspectionRecord, Registry, Unit } from '../model.ts';
import type { AccountEvent } from '../schema/account.ts';
import { AccountSchema, ImpostorSchema, InspectionSchema, PolicySchema, SiteSchema, UnitSchema } from '../schema/index.ts';

/** Keys of an account file other than `events`. */
const ACCOUNT_FIELDS = Object.keys(AccountSchema.shape).filter((k) => k !== 'events') as (keyof Account)[];
const UNIT_FIELDS = Object.keys(UnitSchema.shape) as (keyof Unit)[];
const IMPOSTOR_FIELDS = Object.keys(ImpostorSchema.shape) as (keyof ImpostorRecord)[];
const INSPECTION_FIELDS = Object.keys(InspectionSchema.shape) as (keyof InspectionRecord)[];

export type AccountChange =
  | { kind: 'added'; id: string; after: Account }
  | { kind: 'removed'; id: string; before: Account }
  | {
      kind: 'changed';
      id: string;
      before: Account;
      after: Account;
      /** Events appended after the base's events. */
      appended: AccountEvent[];
      /** Index of the first base event that was edited or removed, or -1 when history was only appended to. */
      historyEditedAt: number;
      /** Fields (other than events) whose value changed. */
      fields: string[];
    };

export type RecordChange<T> =
  | { kind: 'added'; id: string; after: T }
  | { kind: 'removed'; id: string; before: T }
  | { kind: 'changed'; id: string; before: T; after: T; fields: string[] };

/** A change to one shared file: which values changed, as `key: before → after` lines. */
export interface SharedChange {
  /** `site`, `policy`, `platforms` or `calendar`. */
  file: 'site' | 'policy' | 'platforms' | 'calendar';
  details: string[];
}

export interface RegistryDiff {
  accounts: AccountChange[];
  units: RecordChange<Unit>[];
  impostors: RecordChange<ImpostorRecord>[];
  inspections: RecordChange<InspectionRecord>[];
  shared: SharedChange[];
}

function changedFields<T>(before: T, after: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => !isDeepStrictEqual(before[f] ?? null, after[f] ?? null)).map(String);
}

function diffRecords<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, fields: readonly (keyof T)[]): RecordChange<T>[] {
  const out: RecordChange<T>[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && !a) out.push({ kind: 'removed', id, before: b });
    else if (!b && a) out.push({ kind: 'added', id, after: a });
    else if (b && a) {
      const f = changedFields(b, a, fields);
      if (f.length) out.push({ kind: 'changed', id, before: b, after: a, fields: f });
    }
  }
  return out;
}

function diffAccounts(before: Registry | null, after: Registry | null): AccountChange[] {
  const b = before?.accountById ?? new Map<string, Account>();
  const a = after?.accountById ?? new Map<string, Account>();
  const out: AccountChange[] = [];
  for (const id of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const x = b.get(id);
    const y = a.get(id);
    if (x && !y) out.push({ kind: 'removed', id, before: x });
    else if (!x && y) out.push({ kind: 'added', id, after: y });
    else if (x && y) {
      let common = 0;
      while (common < x.events.length && common < y.events.length && isDeepStrictEqual(x.events[common], y.events[common])) common++;
      const historyEditedAt = common < x.events.length ? common : -1;
      const appended = historyEditedAt === -1 ? y.events.slice(x.events.length) : [];
      const fields = changedFields(x, y, ACCOUNT_FIELDS);
      if (appended.length || historyEditedAt !== -1 || fields.length)
        out.push({ kind: 'changed', id, before: x, after: y, appended, historyEditedAt, fields });
    }
  }
  return out;
}

function valueText(value: unknown): string {
  if (value === undefined) return '（无）';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function diffShared(before: Registry | null, after: Registry | null): SharedChange[] {
  if (!before || !after) return [];
  const out: SharedChange[] = [];
  const fieldLines = (x: Record<string, unknown>, y: Record<string, unknown>, keys: string[]) =>
    keys.filter((k) => !isDeepStrictEqual(x[k] ?? null, y[k] ?? null)).map((k) => `${k}: ${valueText(x[k])} → ${valueText(y[k])}`);

  const policy = fieldLines(before.policy, after.policy, Object.keys(PolicySchema.shape));
  if (policy.length) out.push({ file: 'policy', details: policy });
  const site = fieldLines(before.site, after.site, Object.keys(SiteSchema.shape));
  if (site.length) out.push({ file: 'site', details: site });

  const platforms: string[] = [];
  for (const p of after.platforms) {
    const old = before.platformById.get(p.id);
    if (!old) platforms.push(`新增平台 ${p.id}（${p.name}）`);
    else {
      const keys = Object.keys(p).filter((k) => !isDeepStrictEqual((old as Record<string, unknown>)[k], (p as Record<string, unknown>)[k]));
      if (keys.length) platforms.push(`修改平台 ${p.id}（${p.name}）：${keys.join('、')}`);
    }
  }
  for (const p of before.platforms) if (!after.platformById.has(p.id)) platforms.push(`删除平台 ${p.id}（${p.name}）`);
  if (platforms.length) out.push({ file: 'platforms', details: platforms });

  const calendar: string[] = [];
  const years = new Map(before.calendarYears.map((c) => [c.year, c]));
  for (const c of after.calendarYears) {
    const old = years.get(c.year);
    if (!old) calendar.push(`新增 ${c.year} 年节假日安排`);
    else if (!isDeepStrictEqual(old, c)) calendar.push(`修改 ${c.year} 年节假日安排`);
  }
  for (const c of before.calendarYears)
    if (!after.calendarYears.some((x) => x.year === c.year)) calendar.push(`删除 ${c.year} 年节假日安排`);
  if (calendar.length) out.push({ file: 'calendar', details: calendar });
  return out;
}

/** Compares two registry models (either may be missing: no data, or data the loader could not model). */
export function diffRegistries(before: Registry | null, after: Registry | null): RegistryDiff {
  const byDate = (r: Registry | null) => new Map((r?.inspections ?? []).map((i) => [i.date, i] as const));
  return {
    accounts: diffAccounts(before, after),
    units: diffRecords(before?.unitById ?? new Map(), after?.unitById ?? new Map(), UNIT_FIELDS),
    impostors: diffRecords(
      new Map((before?.impostors ?? []).map((i) => [i.id, i])),
      new Map((after?.impostors ?? []).map((i) => [i.id, i])),
      IMPOSTOR_FIELDS,
    ),
    inspections: diffRecords(byDate(before), byDate(after), INSPECTION_FIELDS),
    shared: diffShared(before, after),
  };
}
