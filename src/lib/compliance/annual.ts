/**
 * The annual assessment (年度考核): per unit, what happened in one calendar year (up to the
 * registry's date for the current year) — inspections, zombie and stale occurrences, findings,
 * rectifications ordered and how they were handled, late filings, closures without notice,
 * impostors — scored with the same table as the current grade (./grading.ts).
 */
import { statusOn, type Registry, type Unit } from '../model.ts';
import { checkFacts, closureWithoutNotice, filingFacts, needsVerification, rectificationFacts, verificationOf } from '../facts/facts.ts';
import { gradeOf, type Grade, type IssueCounts } from './grading.ts';

export interface AnnualUnit {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  /** Accounts active at the end of the period. */
  readonly activeAtEnd: number;
  /** Account checks in the year's inspections (accounts active on the inspection day). */
  readonly checks: number;
  /** Checks past the warning line / past the 单项否决 line. */
  readonly staleWarnings: number;
  readonly staleFails: number;
  /** Distinct accounts that were zombies at least once. */
  readonly zombieAccounts: readonly string[];
  /** Findings other than stale, unverified and impersonated (无法访问、互动缺失、内容错误、名称不符). */
  readonly findings: number;
  /** Rectifications ordered by the year's inspections, and how they stand at the end of the period. */
  readonly rectifications: {
    readonly ordered: number;
    readonly onTime: number;
    readonly late: number;
    readonly overdue: number;
    readonly open: number;
  };
  readonly lateFilings: number;
  /** Filings made in the year (events filed in the period, not exempt). */
  readonly filings: number;
  readonly unverifiedAtEnd: number;
  readonly mismatchAtEnd: number;
  readonly closuresWithoutNotice: number;
  readonly impostorsFound: number;
  /** Null for a unit without any account in the period. */
  readonly grade: Grade | null;
  readonly counts: IssueCounts;
}

export interface AnnualSummary {
  readonly year: number;
  readonly from: string;
  /** Last day counted: 12-31, or the registry's date for the current year. */
  readonly to: string;
  readonly complete: boolean;
  readonly inspections: number;
  readonly units: readonly AnnualUnit[];
}

/** Years the assessment can cover: from the first inspection or filing year to the registry's year. */
export function assessmentYears(registry: Registry): number[] {
  const last = Number(registry.asOf.slice(0, 4));
  const firsts = [...registry.inspections.map((i) => i.date), ...registry.accounts.flatMap((a) => a.events.map((e) => e.filed))].filter(
    (d) => d <= registry.asOf,
  );
  const first = firsts.length ? Number(firsts.reduce((a, b) => (a < b ? a : b)).slice(0, 4)) : last;
  const policyFrom = registry.policy.filing_checked_from ? Number(registry.policy.filing_checked_from.slice(0, 4)) : first;
  const years: number[] = [];
  for (let y = Math.max(first, policyFrom); y <= last; y++) years.push(y);
  return years;
}

/** The annual assessment of one year. */
export function annualSummary(registry: Registry, year: number): AnnualSummary {
  const from = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const to = registry.asOf < yearEnd ? registry.asOf : yearEnd;
  const { policy, accountById } = registry;
  const inspections = registry.inspections.filter((i) => i.date >= from && i.date <= to);
  const rects = rectificationFacts(registry.inspections, to, accountById, (a) => statusOn(a, to)).filter((r) => r.inspection.date >= from);
  const inPeriod = (d: string) => d >= from && d <= to;
  // Group the year's checks, rectifications and impostors by unit once.
  const group = <T>(items: Iterable<T>, unitOf: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const unit = unitOf(item);
      const list = map.get(unit);
      if (list) list.push(item);
      else map.set(unit, [item]);
    }
    return map;
  };
  const checksByUnit = group(
    inspections.flatMap((i) => checkFacts(i, accountById, policy)),
    (c) => c.account.unit,
  );
  const rectsByUnit = group(rects, (r) => r.rectification.account.split('/')[0]!);
  const impostorsByUnit = group(
    registry.impostors.filter((i) => inPeriod(i.found)),
    (i) => i.imitates.split('/')[0]!,
  );

  const units = registry.units.map((unit: Unit): AnnualUnit => {
    const accounts = (registry.accountsByUnit.get(unit.id) ?? []).filter((a) => a.opened <= to);
    const ids = new Set(accounts.map((a) => a.id));
    let checks = 0;
    let staleWarnings = 0;
    let staleFails = 0;
    let findings = 0;
    const zombies = new Set<string>();
    for (const c of checksByUnit.get(unit.id) ?? []) {
      if (!ids.has(c.account.id)) continue;
      checks++;
      if (c.level === 'warning') staleWarnings++;
      if (c.level === 'fail') {
        staleFails++;
        zombies.add(c.account.id);
      }
      findings += c.check.findings.filter((f) => f !== 'stale' && f !== 'unverified' && f !== 'impersonated').length;
    }
    const own = (rectsByUnit.get(unit.id) ?? []).filter((r) => ids.has(r.rectification.account));
    const rectifications = {
      ordered: own.length,
      onTime: own.filter((r) => r.state === 'resolved' && !r.resolvedLate).length,
      late: own.filter((r) => r.resolvedLate).length,
      overdue: own.filter((r) => r.state === 'overdue').length,
      open: own.filter((r) => r.state === 'open').length,
    };
    let lateFilings = 0;
    let filings = 0;
    for (const a of accounts) {
      for (const f of filingFacts(a, policy, registry.calendar)) {
        if (!inPeriod(f.event.filed) || f.status === 'exempt') continue;
        filings++;
        if (f.status === 'late') lateFilings++;
      }
    }
    const standing = accounts.filter((a) => {
      const s = statusOn(a, to);
      return s !== null && s !== 'deregistered';
    });
    const unverifiedAtEnd = standing.filter((a) => needsVerification({ verified_as: a.verified_as, status: statusOn(a, to)! })).length;
    const mismatchAtEnd = standing.filter((a) => {
      const v = verificationOf(a, unit);
      return v === 'mismatch' || v === 'person';
    }).length;
    const closuresWithoutNotice = accounts.filter((a) => {
      const gap = closureWithoutNotice(a);
      return gap !== undefined && inPeriod(gap.event.date);
    }).length;
    const impostorsFound = impostorsByUnit.get(unit.id)?.length ?? 0;
    const counts: IssueCounts = {
      'stale-fail': staleFails,
      'rectification-overdue': rectifications.late + rectifications.overdue,
      'stale-warning': staleWarnings,
      'inspection-finding': findings,
      'unverified-account': unverifiedAtEnd,
      'verified-subject-mismatch': mismatchAtEnd,
      'filing-late': lateFilings,
      'closure-notice-missing': closuresWithoutNotice,
    };
    return {
      id: unit.id,
      name: unit.name,
      shortName: unit.short_name ?? unit.name,
      activeAtEnd: accounts.filter((a) => statusOn(a, to) === 'active').length,
      checks,
      staleWarnings,
      staleFails,
      zombieAccounts: [...zombies].sort(),
      findings,
      rectifications,
      lateFilings,
      filings,
      unverifiedAtEnd,
      mismatchAtEnd,
      closuresWithoutNotice,
      impostorsFound,
      grade: accounts.length > 0 ? gradeOf(counts) : null,
      counts,
    };
  });
  return { year, from, to, complete: to === yearEnd, inspections: inspections.length, units };
}
