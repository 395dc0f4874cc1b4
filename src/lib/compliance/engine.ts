/**
 * The compliance engine: from the registry, as of its date, per account (filing timeliness,
 * verification, latest inspection, rectifications, closure hygiene and the problems found), per
 * unit (counts, the one-account-per-platform situation, grade with reasons) and for the county
 * (totals, inspection coverage, impostor handling and the week-by-week trend).
 *
 * Facts come from ./facts.ts (shared with the validator), grading from ./grading.ts (the one
 * written-down scheme), wording from ./text.ts.
 */
import { addDays, daysBetween } from '../dates.ts';
import {
  statusOn,
  type Account,
  type AccountStatus,
  type ImpostorRecord,
  type InspectionRecord,
  type Registry,
  type Unit,
} from '../model.ts';
import type { Location } from '../problems.ts';
import type { RuleId } from '../rules/table.ts';
import type { Check, Finding } from '../schema/inspection.ts';
import type { UnitKind } from '../schema/unit.ts';
import {
  absentAccounts,
  checkFacts,
  closureWithoutNotice,
  filingFacts,
  inspectionAge,
  latestInspection,
  needsVerification,
  rectificationFacts,
  verificationOf,
  type CheckFact,
  type FilingFact,
  type RectificationFact,
  type StaleLevel,
  type Verification,
} from '../facts/facts.ts';
import {
  GRADING_ITEM,
  GRADING_ITEMS,
  gradeOf,
  LATE_FILING_LOOKBACK_DAYS,
  type GradeId,
  type GradeReason,
  type IssueCounts,
  type IssueKind,
} from './grading.ts';
import { proofFact, type ProofFact } from '../facts/proof.ts';
import { EVIDENCE } from './text.ts';

/** One compliance problem of one account. */
export interface Issue {
  readonly kind: IssueKind;
  /** The validator rule reporting the same fact, or null (inspection findings). */
  readonly rule: RuleId | null;
  readonly account: string;
  readonly unit: string;
  /** The inspection finding, for `inspection-finding` (and findings behind other kinds). */
  readonly finding?: Finding;
  /** What proves it, in Chinese (dates, days, values). */
  readonly evidence: string;
  /** The day the problem was established (inspection day, filing day, closure day…). */
  readonly since: string;
  /** Rectification due date: the recorded one, else a suggested one; null when there is nothing to rectify. */
  readonly due: string | null;
  /** Whether `due` is a recorded rectification (false: suggested, the next inspection). */
  readonly dueRecorded: boolean;
  /** Where the evidence is in the data. */
  readonly source: Location;
}

/** The account at the latest inspection. */
export type LatestCheck =
  | {
      readonly kind: 'checked';
      readonly date: string;
      readonly check: Check;
      /** Last post, or the opening day for an account that never posted. */
      readonly since: string;
      readonly days: number;
      readonly level: StaleLevel;
    }
  /** Active on the inspection day, but left out. */
  | { readonly kind: 'absent'; readonly date: string }
  /** Opened after the latest inspection: to be checked at the next one. */
  | { readonly kind: 'not-due'; readonly date: string }
  /** Not active on the inspection day (closed): no inspection expected. */
  | { readonly kind: 'closed'; readonly date: string }
  /** No inspection at all yet. */
  | { readonly kind: 'none' };

/** Overall state of an account in one word: fine, needs attention, failed outright, or closed. */
export type AccountLevel = 'ok' | 'attention' | 'fail' | 'closed';

export interface AccountCompliance {
  readonly id: string;
  readonly unit: string;
  readonly name: string;
  readonly platform: string;
  readonly status: AccountStatus;
  readonly level: AccountLevel;
  readonly latest: LatestCheck;
  readonly verification: Verification;
  /** Every event's filing timeliness, in event order. */
  readonly filings: readonly FilingFact[];
  /** Rectifications of this account not yet resolved (open or overdue), oldest first. */
  readonly openRectifications: readonly RectificationFact[];
  /** All rectifications ever ordered for this account, oldest first. */
  readonly rectifications: readonly RectificationFact[];
  /** The closure in force, or null while active. */
  readonly closure: { readonly date: string; readonly notice: string | null; readonly successor: string | null } | null;
  /** Two-way proof (./proof.ts): where the account shows its filing number and when that was last checked. */
  readonly proof: ProofFact;
  readonly issues: readonly Issue[];
}

/** Accounts of a unit on one platform (not deregistered). */
export interface PlatformSituation {
  readonly platform: string;
  readonly accounts: readonly string[];
  /** Accounts beyond the first that carry an approved waiver. */
  readonly waived: readonly string[];
}

export interface UnitCounts {
  readonly total: number;
  readonly active: number;
  readonly suspended: number;
  readonly deregistered: number;
  /** Active accounts checked at the latest inspection. */
  readonly checked: number;
  readonly issues: number;
  /** Accounts with at least one issue that costs points. */
  readonly accountsWithIssues: number;
  /** Active accounts whose two-way proof is shown and checked within `policy.proof_stale_days`. */
  readonly proof: number;
}

export interface UnitCompliance {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: UnitKind;
  readonly counts: UnitCounts;
  readonly byKind: IssueCounts;
  /** Platforms on which the unit runs accounts that are not deregistered. */
  readonly platforms: readonly PlatformSituation[];
  readonly issues: readonly Issue[];
  /** Null for a unit without any account. */
  readonly score: number | null;
  readonly grade: GradeId | null;
  readonly reasons: readonly GradeReason[];
  /** Impostors imitating the unit or one of its accounts. */
  readonly impostors: readonly string[];
}

export interface ImpostorFact {
  readonly id: string;
  readonly impostor: ImpostorRecord;
  /** Days from the report to the platform (or from finding, when not reported) to removal; null while online. */
  readonly daysToRemoval: number | null;
  /** Days it has been online since found, for an impostor still online. */
  readonly daysOnline: number | null;
}

/** The county on one inspection day. */
export interface TrendPoint {
  readonly date: string;
  /** Accounts active on the day. */
  readonly active: number;
  /** Of those, checked by the inspection. */
  readonly checked: number;
  readonly warning: number;
  readonly fail: number;
  /** Findings other than stale and impersonated. */
  readonly findings: number;
  /** Rectifications ordered by this inspection. */
  readonly ordered: number;
  /** Rectifications unresolved on the day (open or overdue). */
  readonly open: number;
  /** Of those, past due. */
  readonly overdue: number;
}

export interface CountyCompliance {
  readonly accounts: { readonly total: number; readonly active: number; readonly suspended: number; readonly deregistered: number };
  readonly units: number;
  readonly latest: { readonly date: string; readonly inspector: string; readonly ageDays: number; readonly overdue: boolean } | null;
  /**
   * Inspection coverage of the last interval (`asOf − interval`, `asOf`]: accounts active today
   * and opened by the last inspection in the window (`due`), how many of them were checked in
   * the window, and accounts opened since (not yet due).
   */
  readonly coverage: {
    readonly from: string;
    readonly to: string;
    readonly due: number;
    readonly checked: number;
    readonly notChecked: readonly string[];
    readonly newAccounts: readonly string[];
  };
  readonly byKind: IssueCounts;
  /**
   * Two-way proof of the active accounts: proven (shown, checked within `policy.proof_stale_days`),
   * stale (checked longer ago), missing (none recorded, or the latest inspection did not find it);
   * all zero when the policy does not ask for proof.
   */
  readonly proof: { readonly proven: number; readonly stale: number; readonly missing: number };
  /** Rectifications unresolved today: all of them (open or overdue), and those past due. */
  readonly rectifications: { readonly unresolved: number; readonly overdue: number };
  readonly grades: Readonly<Record<GradeId | 'none', number>>;
  readonly impostors: {
    readonly total: number;
    readonly online: number;
    readonly removed: number;
    readonly notReported: number;
    /** Median days from report to removal over removed impostors; null when none. */
    readonly medianDaysToRemoval: number | null;
    readonly maxDaysToRemoval: number | null;
    readonly list: readonly ImpostorFact[];
  };
  readonly trend: readonly TrendPoint[];
}

export interface Compliance {
  readonly asOf: string;
  readonly registry: Registry;
  readonly accounts: ReadonlyMap<string, AccountCompliance>;
  readonly units: ReadonlyMap<string, UnitCompliance>;
  readonly county: CountyCompliance;
  /** Every issue, worst item first, then by unit and account. */
  readonly issues: readonly Issue[];
  /** The due date suggested for problems without a recorded rectification: the next inspection. */
  readonly suggestedDue: string;
}

/** Which rectification issue settles which compliance problem. */
function rectifies(kind: IssueKind, finding: Finding | undefined, issue: Finding): boolean {
  if (kind === 'stale-fail' || kind === 'stale-warning') return issue === 'stale';
  if (kind === 'unverified-account') return issue === 'unverified';
  if (kind === 'inspection-finding') return issue === finding;
  return false;
}

/** Kinds that a unit can rectify (others are history, or the inspector's task). */
const RECTIFIABLE: ReadonlySet<IssueKind> = new Set<IssueKind>([
  'stale-fail',
  'stale-warning',
  'inspection-finding',
  'unverified-account',
  'verified-subject-mismatch',
  'closure-notice-missing',
]);

const ITEM_ORDER = new Map(GRADING_ITEMS.map((item, i) => [item.kind, i]));

/** Orders issues worst item first, then by account, then by day. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    ITEM_ORDER.get(a.kind)! - ITEM_ORDER.get(b.kind)! ||
    (a.account < b.account ? -1 : a.account > b.account ? 1 : 0) ||
    (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The next inspection day after `asOf` on the weekly rhythm of the latest inspection. */
function nextInspection(latest: InspectionRecord | undefined, asOf: string, interval: number): string {
  if (!latest) return addDays(asOf, interval);
  let next = addDays(latest.date, interval);
  while (next <= asOf) next = addDays(next, interval);
  return next;
}

interface Context {
  registry: Registry;
  asOf: string;
  latest: InspectionRecord | undefined;
  checkByAccount: Map<string, CheckFact>;
  absent: Set<string>;
  rectsByAccount: Map<string, RectificationFact[]>;
  suggestedDue: string;
}

function accountCompliance(ctx: Context, account: Account): AccountCompliance {
  const { registry, asOf, latest } = ctx;
  const { policy } = registry;
  const unit = registry.unitById.get(account.unit);
  const issues: Issue[] = [];
  const rectifications = ctx.rectsByAccount.get(account.id) ?? [];
  const open = rectifications.filter((r) => r.state === 'open' || r.state === 'overdue');
  const activeNow = account.status === 'active';

  const add = (kind: IssueKind, fields: { evidence: string; since: string; source: Location; finding?: Finding }) => {
    let due: string | null = null;
    let dueRecorded = false;
    if (RECTIFIABLE.has(kind)) {
      const match = open.filter((r) => rectifies(kind, fields.finding, r.rectification.issue)).at(-1);
      if (match) [due, dueRecorded] = [match.rectification.due, true];
      else due = ctx.suggestedDue;
    }
    issues.push({ kind, rule: GRADING_ITEM[kind].rule, account: account.id, unit: account.unit, due, dueRecorded, ...fields });
  };

  // Latest inspection: stale level and findings, for accounts still active (closing an account
  // is one way to rectify it: it is not counted stale afterwards).
  let latestCheck: LatestCheck = { kind: 'none' };
  let unverifiedFinding: { date: string; note?: string; source: Location } | undefined;
  if (latest) {
    const fact = ctx.checkByAccount.get(account.id);
    const at = (path: (string | number)[]) => latest.origin.at(path);
    if (fact) {
      latestCheck = { kind: 'checked', date: latest.date, check: fact.check, since: fact.since, days: fact.days, level: fact.level };
      if (activeNow) {
        if (fact.level !== 'ok') {
          const limit = fact.level === 'fail' ? policy.stale_fail_days : policy.stale_warning_days;
          add(fact.level === 'fail' ? 'stale-fail' : 'stale-warning', {
            evidence: EVIDENCE.stale({ date: latest.date, days: fact.days, lastPost: fact.check.last_post, opened: account.opened, limit }),
            since: latest.date,
            source: at(['checks', fact.index, 'last_post']),
          });
        }
        for (const [i, finding] of fact.check.findings.entries()) {
          const source = at(['checks', fact.index, 'findings', i]);
          if (finding === 'unverified') unverifiedFinding = { date: latest.date, note: fact.check.note, source };
          if (finding === 'stale' || finding === 'impersonated' || finding === 'unverified') continue;
          add('inspection-finding', {
            evidence: EVIDENCE.finding({ date: latest.date, finding, note: fact.check.note }),
            since: latest.date,
            source,
            finding,
          });
        }
      }
    } else if (ctx.absent.has(account.id)) {
      latestCheck = { kind: 'absent', date: latest.date };
      if (activeNow)
        add('inspection-missing', {
          evidence: EVIDENCE.absent({ date: latest.date }),
          since: latest.date,
          source: latest.origin.at(['checks'], 'key'),
        });
    } else {
      latestCheck = { kind: statusOn(account, latest.date) === null ? 'not-due' : 'closed', date: latest.date };
    }
  }

  for (const r of rectifications) {
    if (r.state !== 'overdue') continue;
    const { rectification: rect, inspection } = r;
    issues.push({
      kind: 'rectification-overdue',
      rule: GRADING_ITEM['rectification-overdue'].rule,
      account: account.id,
      unit: account.unit,
      finding: rect.issue,
      evidence: EVIDENCE.rectificationOverdue({ inspection: inspection.date, issue: rect.issue, due: rect.due, days: r.daysOverdue }),
      since: rect.due,
      due: rect.due,
      dueRecorded: true,
      source: inspection.origin.at(['rectifications', r.index, 'due']),
    });
  }

  const verification = verificationOf(account, unit);
  if (needsVerification(account)) {
    add('unverified-account', { evidence: EVIDENCE.unverifiedFiling(), since: account.opened, source: account.origin.at(['verified_as']) });
  } else if (unverifiedFinding) {
    add('unverified-account', {
      evidence: EVIDENCE.unverifiedFinding(unverifiedFinding),
      since: unverifiedFinding.date,
      source: unverifiedFinding.source,
    });
  } else if ((verification === 'mismatch' || verification === 'person') && account.status !== 'deregistered') {
    const subject = account.verified_as!;
    add('verified-subject-mismatch', {
      evidence:
        verification === 'person'
          ? EVIDENCE.personSubject({ subject })
          : EVIDENCE.subjectMismatch({ subject, unit: unit?.name ?? account.unit }),
      since: account.opened,
      source: account.origin.at(['verified_as']),
    });
  }

  const filings = filingFacts(account, policy, registry.calendar);
  const lookbackFrom = addDays(asOf, -LATE_FILING_LOOKBACK_DAYS);
  for (const f of filings) {
    if (f.status !== 'late' || f.event.filed <= lookbackFrom || f.event.filed > asOf) continue;
    add('filing-late', {
      evidence: EVIDENCE.filingLate({
        type: f.event.type,
        date: f.event.date,
        filed: f.event.filed,
        workdays: f.workdays!,
        deadline: f.deadline,
        due: f.due,
      }),
      since: f.event.filed,
      source: account.origin.at(['events', f.index, 'filed']),
    });
  }

  const closureGap = closureWithoutNotice(account);
  if (closureGap) {
    add('closure-notice-missing', {
      evidence: EVIDENCE.closureWithoutNotice({ type: closureGap.event.type as 'suspended' | 'deregistered', date: closureGap.event.date }),
      since: closureGap.event.date,
      source: account.origin.at(['events', closureGap.index, 'type']),
    });
  }

  issues.sort(compareIssues);
  const level: AccountLevel = !activeNow
    ? 'closed'
    : issues.some((i) => GRADING_ITEM[i.kind].veto)
      ? 'fail'
      : issues.some((i) => GRADING_ITEM[i.kind].points > 0)
        ? 'attention'
        : 'ok';
  return {
    id: account.id,
    unit: account.unit,
    name: account.name,
    platform: account.platform,
    status: account.status,
    level,
    latest: latestCheck,
    verification,
    filings,
    openRectifications: open,
    rectifications,
    closure: account.closed ? { date: account.closed, notice: account.closureNotice, successor: account.successor } : null,
    proof: proofFact(account, registry.inspections, policy, asOf),
    issues,
  };
}

function countKinds(issues: readonly Issue[]): IssueCounts {
  const counts: IssueCounts = {};
  for (const issue of issues) counts[issue.kind] = (counts[issue.kind] ?? 0) + 1;
  return counts;
}

function platformSituation(accounts: readonly Account[]): PlatformSituation[] {
  const byPlatform = new Map<string, Account[]>();
  for (const a of accounts) {
    if (a.status === 'deregistered') continue;
    byPlatform.set(a.platform, [...(byPlatform.get(a.platform) ?? []), a]);
  }
  return [...byPlatform.entries()].map(([platform, list]) => {
    list.sort((a, b) => (a.opened < b.opened ? -1 : a.opened > b.opened ? 1 : a.id < b.id ? -1 : 1));
    return {
      platform,
      accounts: list.map((a) => a.id),
      waived: list
        .slice(1)
        .filter((a) => a.waiver)
        .map((a) => a.id),
    };
  });
}

/** Impostors imitating each unit (directly or through one of its accounts). */
function impostorsByUnit(impostors: readonly ImpostorRecord[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of impostors) {
    const unit = i.imitates.split('/')[0]!;
    map.set(unit, [...(map.get(unit) ?? []), i.id]);
  }
  return map;
}

function unitCompliance(
  unit: Unit,
  accounts: readonly AccountCompliance[],
  raw: readonly Account[],
  impostors: readonly string[],
): UnitCompliance {
  const issues = accounts.flatMap((a) => a.issues).sort(compareIssues);
  const byKind = countKinds(issues);
  const graded = raw.length > 0 ? gradeOf(byKind) : null;
  const count = (status: AccountStatus) => accounts.filter((a) => a.status === status).length;
  return {
    id: unit.id,
    name: unit.name,
    shortName: unit.short_name ?? unit.name,
    kind: unit.kind,
    counts: {
      total: accounts.length,
      active: count('active'),
      suspended: count('suspended'),
      deregistered: count('deregistered'),
      checked: accounts.filter((a) => a.status === 'active' && a.latest.kind === 'checked').length,
      issues: issues.length,
      accountsWithIssues: accounts.filter((a) => a.issues.some((i) => GRADING_ITEM[i.kind].points > 0 || GRADING_ITEM[i.kind].veto)).length,
      proof: accounts.filter((a) => a.proof.state === 'proven').length,
    },
    byKind,
    platforms: platformSituation(raw),
    issues,
    score: graded?.score ?? null,
    grade: graded?.grade ?? null,
    reasons: graded?.reasons ?? [],
    impostors,
  };
}

/** The county on every inspection day up to `asOf`, oldest first. */
export function trendOf(registry: Registry, asOf: string): TrendPoint[] {
  const { policy, accounts, accountById } = registry;
  return registry.inspections
    .filter((i) => i.date <= asOf)
    .map((inspection) => {
      const checks = checkFacts(inspection, accountById, policy);
      const rects = rectificationFacts(registry.inspections, inspection.date, accountById, (a) => statusOn(a, inspection.date));
      let findings = 0;
      for (const c of checks) findings += c.check.findings.filter((f) => f !== 'stale' && f !== 'impersonated').length;
      return {
        date: inspection.date,
        active: accounts.filter((a) => statusOn(a, inspection.date) === 'active').length,
        checked: checks.length,
        warning: checks.filter((c) => c.level === 'warning').length,
        fail: checks.filter((c) => c.level === 'fail').length,
        findings,
        ordered: inspection.rectifications.length,
        open: rects.filter((r) => r.state === 'open' || r.state === 'overdue').length,
        overdue: rects.filter((r) => r.state === 'overdue').length,
      };
    });
}

function impostorFacts(impostors: readonly ImpostorRecord[], asOf: string): ImpostorFact[] {
  return impostors.map((impostor) => ({
    id: impostor.id,
    impostor,
    daysToRemoval: impostor.removed ? daysBetween(impostor.reported ?? impostor.found, impostor.removed) : null,
    daysOnline: impostor.removed ? null : daysBetween(impostor.found, asOf),
  }));
}

function coverageOf(registry: Registry, asOf: string): CountyCompliance['coverage'] {
  const interval = registry.policy.inspection_interval_days;
  const from = addDays(asOf, -interval + 1);
  const inWindow = registry.inspections.filter((i) => i.date >= from && i.date <= asOf);
  const lastInWindow = inWindow.at(-1);
  const checked = new Set(inWindow.flatMap((i) => i.checks.map((c) => c.account)));
  const activeNow = registry.accounts.filter((a) => a.status === 'active');
  const due = lastInWindow ? activeNow.filter((a) => a.opened <= lastInWindow.date) : activeNow;
  const newAccounts = lastInWindow ? activeNow.filter((a) => a.opened > lastInWindow.date).map((a) => a.id) : [];
  return {
    from,
    to: asOf,
    due: due.length,
    checked: due.filter((a) => checked.has(a.id)).length,
    notChecked: due.filter((a) => !checked.has(a.id)).map((a) => a.id),
    newAccounts,
  };
}

/** Computes the compliance model of a registry as of its date (`registry.asOf`). */
export function computeCompliance(registry: Registry): Compliance {
  const { asOf, policy } = registry;
  const latest = latestInspection(registry.inspections, asOf);
  const checkByAccount = new Map<string, CheckFact>();
  const absent = new Set<string>();
  if (latest) {
    for (const fact of checkFacts(latest, registry.accountById, policy)) checkByAccount.set(fact.account.id, fact);
    for (const account of absentAccounts(latest, registry.accounts)) absent.add(account.id);
  }
  const rectsByAccount = new Map<string, RectificationFact[]>();
  const rects = rectificationFacts(registry.inspections, asOf, registry.accountById);
  for (const fact of rects) {
    const id = fact.rectification.account;
    rectsByAccount.set(id, [...(rectsByAccount.get(id) ?? []), fact]);
  }
  const suggestedDue = nextInspection(latest, asOf, policy.inspection_interval_days);
  const ctx: Context = { registry, asOf, latest, checkByAccount, absent, rectsByAccount, suggestedDue };

  const accounts = new Map<string, AccountCompliance>();
  for (const account of registry.accounts) accounts.set(account.id, accountCompliance(ctx, account));

  const impostorsOf = impostorsByUnit(registry.impostors);
  const units = new Map<string, UnitCompliance>();
  const grades: Record<GradeId | 'none', number> = { excellent: 0, good: 0, pass: 0, fail: 0, none: 0 };
  for (const unit of registry.units) {
    const raw = registry.accountsByUnit.get(unit.id) ?? [];
    const uc = unitCompliance(
      unit,
      raw.map((a) => accounts.get(a.id)!),
      raw,
      impostorsOf.get(unit.id) ?? [],
    );
    units.set(unit.id, uc);
    grades[uc.grade ?? 'none']++;
  }

  const issues = [...accounts.values()].flatMap((a) => a.issues).sort(compareIssues);
  const impostorList = impostorFacts(registry.impostors, asOf);
  const removalDays = impostorList.flatMap((i) => (i.daysToRemoval === null ? [] : [i.daysToRemoval]));
  const age = latest ? inspectionAge(latest, asOf, policy) : null;
  const count = (status: AccountStatus) => registry.accounts.filter((a) => a.status === status).length;

  return {
    asOf,
    registry,
    accounts,
    units,
    issues,
    suggestedDue,
    county: {
      units: registry.units.length,
      accounts: {
        total: registry.accounts.length,
        active: count('active'),
        suspended: count('suspended'),
        deregistered: count('deregistered'),
      },
      latest: latest && age ? { date: latest.date, inspector: latest.inspector, ageDays: age.days, overdue: age.overdue } : null,
      coverage: coverageOf(registry, asOf),
      byKind: countKinds(issues),
      proof: {
        proven: [...accounts.values()].filter((a) => a.proof.state === 'proven').length,
        stale: [...accounts.values()].filter((a) => a.proof.state === 'stale').length,
        missing: [...accounts.values()].filter((a) => a.proof.state === 'missing').length,
      },
      rectifications: {
        unresolved: rects.filter((r) => r.state === 'open' || r.state === 'overdue').length,
        overdue: rects.filter((r) => r.state === 'overdue').length,
      },
      grades,
      impostors: {
        total: impostorList.length,
        online: impostorList.filter((i) => !i.impostor.removed).length,
        removed: removalDays.length,
        notReported: impostorList.filter((i) => !i.impostor.reported).length,
        medianDaysToRemoval: median(removalDays),
        maxDaysToRemoval: removalDays.length ? Math.max(...removalDays) : null,
        list: impostorList,
      },
      trend: trendOf(registry, asOf),
    },
  };
}
