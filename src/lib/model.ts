/**
 * The registry model: one immutable, typed view of a data directory, shared by the validator,
 * the site, the verify index, the compliance engine and the tools. Every record keeps its
 * source file and the position of each of its values.
 */
import type { WorkCalendar } from './calendar.ts';
import type { PathSegment } from './load/positions.ts';
import type { Location } from './problems.ts';
import type { AccountEvent, AccountFile } from './schema/account.ts';
import type { CalendarYear } from './schema/calendar.ts';
import type { FilingNumberEntry } from './schema/filing-numbers.ts';
import type { Impostor } from './schema/impostor.ts';
import type { Inspection } from './schema/inspection.ts';
import type { Platform } from './schema/platforms.ts';
import type { Policy } from './schema/policy.ts';
import type { Site } from './schema/site.ts';
import type { UnitFile } from './schema/unit.ts';

/** Where a record came from. */
export interface SourceRef {
  /** Path relative to the data directory's parent, `/`-separated (`data/units/x/unit.yaml`). */
  readonly file: string;
  /** Location of a value (or its key) in the file, by path such as `['events', 0, 'date']`. */
  at(path: readonly PathSegment[], which?: 'key' | 'value'): Location;
}

/** Status of an account, derived from its last lifecycle event (never stored). */
export type AccountStatus = 'active' | 'suspended' | 'deregistered';

export const STATUS_NAMES: Record<AccountStatus, string> = {
  active: '在用',
  suspended: '已关停',
  deregistered: '已注销',
};

export interface Unit extends Readonly<UnitFile> {
  readonly origin: SourceRef;
}

/** A name, handle or verification subject an account used before a change. */
export interface FormerValue {
  readonly value: string;
  /** Day of the change that retired it. */
  readonly until: string;
}

export interface Account extends Readonly<AccountFile> {
  /** `<unit-id>/<slug>`. */
  readonly id: string;
  /** Unit id. */
  readonly unit: string;
  /** File name without `.yaml`. */
  readonly slug: string;
  readonly status: AccountStatus;
  /** Day the account was opened. */
  readonly opened: string;
  /** Day of the suspension or deregistration in force, or null when active. */
  readonly closed: string | null;
  /** The closure notice in force, or null. */
  readonly closureNotice: string | null;
  /** Account declared as successor by the closure in force, or null. */
  readonly successor: string | null;
  /** Former names, oldest first. */
  readonly formerNames: readonly FormerValue[];
  /** Former handles, oldest first. */
  readonly formerHandles: readonly FormerValue[];
  readonly origin: SourceRef;
}

export interface InspectionRecord extends Readonly<Inspection> {
  readonly origin: SourceRef;
}

export interface ImpostorRecord extends Readonly<Impostor> {
  /** File name without `.yaml`. */
  readonly id: string;
  readonly origin: SourceRef;
}

export interface Registry {
  /** Absolute path of the data directory. */
  readonly dataDir: string;
  /** The date rules were evaluated at (`--as-of`). */
  readonly asOf: string;
  readonly site: Site;
  readonly policy: Policy;
  readonly platforms: readonly Platform[];
  readonly platformById: ReadonlyMap<string, Platform>;
  readonly calendar: WorkCalendar;
  readonly calendarYears: readonly CalendarYear[];
  /** Units, sorted by id. */
  readonly units: readonly Unit[];
  readonly unitById: ReadonlyMap<string, Unit>;
  /** Accounts, sorted by id. */
  readonly accounts: readonly Account[];
  readonly accountById: ReadonlyMap<string, Account>;
  readonly accountsByUnit: ReadonlyMap<string, readonly Account[]>;
  /** Inspections, oldest first. */
  readonly inspections: readonly InspectionRecord[];
  /** Impostors, sorted by id. */
  readonly impostors: readonly ImpostorRecord[];
  /** The filing-number ledger (`filing-numbers.yaml`) in the order the numbers were given; empty without one. */
  readonly filingNumbers: readonly FilingNumberEntry[];
}

/** Status an account is in after a list of events. */
function statusAfter(events: readonly AccountEvent[]): AccountStatus {
  let status: AccountStatus = 'active';
  for (const e of events) {
    if (e.type === 'suspended') status = 'suspended';
    else if (e.type === 'deregistered') status = 'deregistered';
    else status = 'active';
  }
  return status;
}

/** Status of an account at the end of a day, or null when it was not yet opened. */
export function statusOn(account: Pick<Account, 'events'>, date: string): AccountStatus | null {
  const past = account.events.filter((e) => e.date <= date);
  if (past.length === 0) return null;
  return statusAfter(past);
}

/** Derives status, dates and former values from an account file. */
export function deriveAccount(file: AccountFile, unit: string, slug: string, origin: SourceRef): Account {
  const events = file.events;
  const status = statusAfter(events);
  const last = events[events.length - 1];
  const closing = status !== 'active' && last && (last.type === 'suspended' || last.type === 'deregistered') ? last : undefined;
  const formerNames: FormerValue[] = [];
  const formerHandles: FormerValue[] = [];
  for (const e of events) {
    if (e.type !== 'changed') continue;
    if (e.previous_name && e.previous_name !== file.name) formerNames.push({ value: e.previous_name, until: e.date });
    if (e.previous_handle && e.previous_handle !== file.handle) formerHandles.push({ value: e.previous_handle, until: e.date });
  }
  return deepFreeze({
    ...file,
    id: `${unit}/${slug}`,
    unit,
    slug,
    status,
    opened: events[0]?.date ?? '',
    closed: closing?.date ?? null,
    closureNotice: closing?.notice_url ?? null,
    successor: closing?.successor ?? null,
    formerNames,
    formerHandles,
    origin,
  });
}

/** Freezes an object graph (plain objects and arrays; functions and class instances are left as they are). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return value;
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
