/**
 * Compliance facts: the one implementation of "was this event filed in time", "how stale was
 * this account at that inspection", "which accounts did an inspection leave out", "is this
 * rectification overdue", "is this account verified as its unit" and "does this closure lack
 * its notice". The validator's rules (src/lib/rules/) turn these facts into problems; the
 * compliance engine (./engine.ts) turns them into grades, pages and reports. Neither computes
 * them on its own.
 */
import type { WorkCalendar } from '../calendar.ts';
import { dayNumber, daysBetween } from '../dates.ts';
import { statusOn, type Account, type AccountStatus, type InspectionRecord, type Unit } from '../model.ts';
import { normalizeName } from '../../shared/normalize.ts';
import { looksLikePersonName } from './person-name.ts';
import type { AccountEvent } from '../schema/account.ts';
import type { Check, Rectification } from '../schema/inspection.ts';
import type { Policy } from '../schema/policy.ts';

// ── filing timeliness ─────────────────────────────────────────────────────────

/**
 * How an event was filed: `exempt` (it predates `policy.filing_checked_from`), `on-time`, `late`,
 * or `unknown` (the working-day count reached a year without a calendar file).
 */
export type FilingStatus = 'exempt' | 'on-time' | 'late' | 'unknown';

export interface FilingFact {
  /** Index of the event in the account's `events`. */
  readonly index: number;
  readonly event: AccountEvent;
  readonly status: FilingStatus;
  /**
   * Working days after the event up to and including the filing day (0 when filed on the day
   * or before); null when exempt or unknown.
   */
  readonly workdays: number | null;
  /** The deadline in working days (policy). */
  readonly deadline: number;
  /** For a late filing: the last day it was due (null when that day's year has no calendar); null otherwise. */
  readonly due: string | null;
  /** For `unknown`: the year without a calendar file. */
  readonly missingYear?: number;
}

/** Filing timeliness of one event, counted in working days of the holiday calendar. */
export function filingFact(event: AccountEvent, index: number, policy: Policy, calendar: WorkCalendar): FilingFact {
  const deadline = policy.filing_deadline_working_days;
  const base = { index, event, deadline };
  if (policy.filing_checked_from && event.date < policy.filing_checked_from)
    return { ...base, status: 'exempt', workdays: null, due: null };
  if (event.filed <= event.date) return { ...base, status: 'on-time', workdays: 0, due: null };
  // Count only as far as needed to decide; a year without calendar beyond that does not matter.
  const count = calendar.workdaysBetween(event.date, event.filed, deadline);
  if (count.missingYear !== undefined) return { ...base, status: 'unknown', workdays: null, due: null, missingYear: count.missingYear };
  if (count.count <= deadline) return { ...base, status: 'on-time', workdays: count.count, due: null };
  const due = calendar.addWorkdays(event.date, deadline).date ?? null;
  return { ...base, status: 'late', workdays: calendar.workdaysBetween(event.date, event.filed).count, due };
}

/** Filing timeliness of every event of an account, in event order. */
export function filingFacts(account: Pick<Account, 'events'>, policy: Policy, calendar: WorkCalendar): FilingFact[] {
  return account.events.map((e, i) => filingFact(e, i, policy, calendar));
}

// ── inspections ──────────────────────────────────────────────────────────────

/** How long an account went without a post: fine, past the warning line, or 单项否决. */
export type StaleLevel = 'ok' | 'warning' | 'fail';

/** Stale level of a number of days without a post. */
export function staleLevel(days: number, policy: Policy): StaleLevel {
  if (days > policy.stale_fail_days) return 'fail';
  if (days > policy.stale_warning_days) return 'warning';
  return 'ok';
}

/** The latest inspection on or before a day, or undefined. `inspections` are oldest first. */
export function latestInspection<I extends { date: string }>(inspections: readonly I[], asOf: string): I | undefined {
  for (let i = inspections.length - 1; i >= 0; i--) if (inspections[i]!.date <= asOf) return inspections[i];
  return undefined;
}

/** Days since an inspection and whether that exceeds the inspection interval. */
export function inspectionAge(inspection: { date: string }, asOf: string, policy: Policy): { days: number; overdue: boolean } {
  const days = daysBetween(inspection.date, asOf);
  return { days, overdue: days > policy.inspection_interval_days };
}

export interface CheckFact {
  /** Index of the check in the inspection's `checks`. */
  readonly index: number;
  readonly check: Check;
  readonly account: Account;
  /** The last post, or the opening day for an account that never posted. */
  readonly since: string;
  /** Days from `since` to the inspection day. */
  readonly days: number;
  readonly level: StaleLevel;
}

/**
 * The checks of an inspection that count: those of accounts active on the inspection day (an
 * account closed before it is never stale), with the days since their last post.
 */
export function checkFacts(
  inspection: Pick<InspectionRecord, 'date' | 'checks'>,
  accountById: ReadonlyMap<string, Account>,
  policy: Policy,
): CheckFact[] {
  const facts: CheckFact[] = [];
  const day = dayNumber(inspection.date);
  inspection.checks.forEach((check, index) => {
    const account = accountById.get(check.account);
    if (!account || statusOn(account, inspection.date) !== 'active') return;
    const since = check.last_post ?? account.opened;
    // A last post after the inspection day is an error the validator reports (future-date); the
    // figure is never negative, and the check counts as a fresh one.
    const days = Math.max(0, day - dayNumber(since));
    facts.push({ index, check, account, since, days, level: staleLevel(days, policy) });
  });
  return facts;
}

/** Accounts active on an inspection day that the inspection left out, in the order given. */
export function absentAccounts(inspection: Pick<InspectionRecord, 'date' | 'checks'>, accounts: readonly Account[]): Account[] {
  const checked = new Set(inspection.checks.map((c) => c.account));
  return accounts.filter((a) => statusOn(a, inspection.date) === 'active' && !checked.has(a.id));
}

// ── rectifications ───────────────────────────────────────────────────────────

/**
 * A rectification's state on a day: `resolved` (on or before it), `open` (not yet due),
 * `overdue` (past due, unresolved), or `void` (the account is deregistered, so there is
 * nothing left to rectify).
 */
export type RectificationState = 'resolved' | 'open' | 'overdue' | 'void';

/** State of a rectification on a day, given the status of its account then (undefined: unknown account). */
export function rectificationState(
  r: Pick<Rectification, 'due' | 'resolved'>,
  date: string,
  accountStatus: AccountStatus | null | undefined,
): RectificationState {
  if (r.resolved !== null && r.resolved <= date) return 'resolved';
  if (accountStatus === 'deregistered') return 'void';
  return r.due < date ? 'overdue' : 'open';
}

export interface RectificationFact {
  readonly inspection: InspectionRecord;
  /** Index in the inspection's `rectifications`. */
  readonly index: number;
  readonly rectification: Rectification;
  readonly state: RectificationState;
  /** Days past due on the day asked about (0 unless overdue). */
  readonly daysOverdue: number;
  /** Resolved, but after the due date. */
  readonly resolvedLate: boolean;
}

/**
 * Every rectification ordered by inspections on or before `date`, with its state on that day.
 * `statusOf` gives the status of an account on that day (by default: its current status).
 */
export function rectificationFacts(
  inspections: readonly InspectionRecord[],
  date: string,
  accountById: ReadonlyMap<string, Account>,
  statusOf: (account: Account) => AccountStatus | null = (a) => a.status,
): RectificationFact[] {
  const facts: RectificationFact[] = [];
  for (const inspection of inspections) {
    if (inspection.date > date) continue;
    inspection.rectifications.forEach((rectification, index) => {
      const account = accountById.get(rectification.account);
      const state = rectificationState(rectification, date, account ? statusOf(account) : undefined);
      facts.push({
        inspection,
        index,
        rectification,
        state,
        daysOverdue: state === 'overdue' ? daysBetween(rectification.due, date) : 0,
        resolvedLate: state === 'resolved' && rectification.resolved! > rectification.due,
      });
    });
  }
  return facts;
}

// ── verification and closure ─────────────────────────────────────────────────

/**
 * Who the platform verified an account as: `verified` (the unit's name or an alias), `unverified`
 * (`verified_as: null`), `person` (a person's name: registration in a person's name) or
 * `mismatch` (another organisation's name). Without the unit, a subject is taken as verified.
 */
export type Verification = 'verified' | 'unverified' | 'person' | 'mismatch';

/** Verification of an account against its unit's name and aliases. */
export function verificationOf(account: Pick<Account, 'verified_as'>, unit: Pick<Unit, 'name' | 'aliases'> | undefined): Verification {
  const subject = account.verified_as;
  if (subject === null) return 'unverified';
  if (looksLikePersonName(subject)) return 'person';
  if (!unit) return 'verified';
  const names = [unit.name, ...unit.aliases].map(normalizeName);
  return names.includes(normalizeName(subject)) ? 'verified' : 'mismatch';
}

/** Whether an unverified account matters: a deregistered account no longer needs verification. */
export function needsVerification(account: Pick<Account, 'verified_as' | 'status'>): boolean {
  return account.verified_as === null && account.status !== 'deregistered';
}

/** The closing event in force (suspension or deregistration) when it has no public notice. */
export function closureWithoutNotice(account: Pick<Account, 'events'>): { index: number; event: AccountEvent } | undefined {
  const index = account.events.length - 1;
  const last = account.events[index];
  if (last && (last.type === 'suspended' || last.type === 'deregistered') && !last.notice_url) return { index, event: last };
  return undefined;
}
