/**
 * The one loader: reads a data directory, checks every rule (src/lib/rules/table.ts) and builds the
 * registry model. The CLI, the site build, the tools and the tests all go through here.
 */
import path from 'node:path';
import { WorkCalendar } from './calendar.ts';
import { todayInChina } from './dates.ts';
import { readDataset, type Dataset } from './load/dataset.ts';
import { deepFreeze, type Account, type Registry, type Unit } from './model.ts';
import { compareProblems, countProblems, problem, type Problem } from './problems.ts';
import { checkAccounts } from './rules/accounts.ts';
import type { RuleCheck, RuleContext } from './rules/context.ts';
import { checkFiles } from './rules/files.ts';
import { checkFiling } from './rules/filing.ts';
import { checkIdentifiers } from './rules/identifiers.ts';
import { checkInspections } from './rules/inspections.ts';
import { checkReferences } from './rules/references.ts';
import type { Platform } from './schema/platforms.ts';

/** Rule checks in the order they run; each reports every problem it finds. */
const CHECKS: readonly RuleCheck[] = [checkFiles, checkReferences, checkIdentifiers, checkAccounts, checkInspections, checkFiling];

export interface LoadOptions {
  /** "Today" (`YYYY-MM-DD`); defaults to today in Asia/Shanghai. */
  asOf?: string;
}

export interface Stats {
  files: number;
  units: number;
  accounts: number;
  active: number;
  suspended: number;
  deregistered: number;
  inspections: number;
  impostors: number;
  errors: number;
  warnings: number;
}

export interface LoadResult {
  /** The model; null when a file the model cannot do without (site, policy, platforms) is invalid. */
  registry: Registry | null;
  /** Every problem in every file, sorted by file, line and column. */
  problems: Problem[];
  stats: Stats;
  /** True when there is no error (warnings allowed). */
  ok: boolean;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Most problems one rule reports on one file. Reading, parsing and schema problems are capped
 * per file as they are found (MAX_PROBLEMS_PER_FILE); the cross-file rules are capped here, so
 * that one hostile file (an inspection listing 100,000 unknown accounts, a folder of thousands of
 * copies of one account) cannot make the validator print megabytes. Past the limit one more
 * problem of the rule says how many were left out.
 */
export const MAX_RULE_PROBLEMS_PER_FILE = 1000;

/** Runs every rule over a dataset. */
function runRules(dataset: Dataset, asOf: string): { ctx: RuleContext; problems: Problem[] } {
  const problems = [...dataset.problems];
  const reported = new Map<string, number>();
  const left = new Map<string, { first: Problem; count: number }>();
  const report = (p: Problem) => {
    const key = `${p.file}\0${p.rule}`;
    const n = reported.get(key) ?? 0;
    if (n < MAX_RULE_PROBLEMS_PER_FILE) {
      reported.set(key, n + 1);
      problems.push(p);
      return;
    }
    const out = left.get(key);
    if (out) out.count++;
    else left.set(key, { first: p, count: 1 });
  };
  const platformList = dataset.platforms?.value.platforms;
  const platformById = platformList ? new Map(platformList.map((p) => [p.id, p] as [string, Platform])) : undefined;
  const ctx: RuleContext = {
    asOf,
    dataset,
    policy: dataset.policy?.value,
    platformById,
    calendar: new WorkCalendar(dataset.calendars.map((c) => c.value)),
    unitById: byId(dataset.units),
    accountById: byId(dataset.accounts),
    report,
  };
  for (const check of CHECKS) check(ctx);
  for (const { first, count } of left.values()) {
    problems.push(problem(`${first.rule}.more`, first, { count, shown: MAX_RULE_PROBLEMS_PER_FILE }));
  }
  return { ctx, problems };
}

/** Reads and validates a data directory and builds the registry model. */
export function loadRegistry(dataDir: string, options: LoadOptions = {}): LoadResult {
  const asOf = options.asOf ?? todayInChina();
  const dataset = readDataset(dataDir);
  const { ctx, problems } = runRules(dataset, asOf);
  problems.sort(compareProblems);
  const { errors, warnings } = countProblems(problems);

  const units = sortById([...dataset.units]);
  const accounts = sortById([...dataset.accounts]);
  const accountsByUnit = new Map<string, Account[]>(units.map((u: Unit) => [u.id, []]));
  for (const account of accounts) accountsByUnit.get(account.unit)?.push(account);
  const count = (status: Account['status']) => accounts.filter((a) => a.status === status).length;
  const stats: Stats = {
    files: dataset.fileCount,
    units: units.length,
    accounts: accounts.length,
    active: count('active'),
    suspended: count('suspended'),
    deregistered: count('deregistered'),
    inspections: dataset.inspections.length,
    impostors: dataset.impostors.length,
    errors,
    warnings,
  };

  const { site, policy, platforms } = dataset;
  const registry: Registry | null =
    site && policy && platforms
      ? deepFreeze({
          dataDir: path.resolve(dataDir),
          asOf,
          site: site.value,
          policy: policy.value,
          platforms: platforms.value.platforms,
          platformById: ctx.platformById!,
          calendar: ctx.calendar,
          calendarYears: dataset.calendars.map((c) => c.value).sort((a, b) => a.year - b.year),
          units,
          unitById: ctx.unitById,
          accounts,
          accountById: ctx.accountById,
          accountsByUnit,
          inspections: dataset.inspections,
          impostors: sortById([...dataset.impostors]),
          filingNumbers: dataset.filingNumbers?.value.numbers ?? [],
        })
      : null;
  return { registry, problems, stats, ok: errors === 0 };
}
