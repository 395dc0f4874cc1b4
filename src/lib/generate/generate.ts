/**
 * Deterministic synthetic datasets of any size, for the benchmarks (bench/) up to national scale:
 * `generateDataset` produces a complete data directory — site, the shared policy/platform/calendar
 * files copied from the repository's `data/`, units, accounts, weekly inspections and impostors —
 * that the loader validates with zero errors. Same options, same bytes: all randomness comes from
 * the seed.
 *
 * Files are handed to `emit` as they are made, so a large dataset is never held in memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { WorkCalendar } from '../calendar.ts';
import { dayNumber, isValidDate } from '../dates.ts';
import { MAX_FILE_BYTES } from '../load/read.ts';
import { CalendarSchema } from '../schema/calendar.ts';
import { PlatformsSchema } from '../schema/platforms.ts';
import { PolicySchema } from '../schema/policy.ts';
import { formatFilingNumber, MAX_SEQUENCE } from '../filing-number.ts';
import { maxAccounts, planAccounts, unitFile, type AccountContext, type AccountRecord } from './accounts.ts';
import { IdentityFactory } from './identities.ts';
import { inspectionDays, planImpostors, planInspections, type GeneratedFile } from './inspections.ts';
import { Random } from './random.ts';
import { OFFICE_NAME, OFFICE_UNIT, REGION_NAME, unitStream } from './units.ts';
import { block } from './yaml-emit.ts';

export type { GeneratedFile } from './inspections.ts';

/** The `--as-of` the benchmarks and tests use. */
export const DEFAULT_AS_OF = '2026-11-28';
/** The repository's `data/`, source of the shared files. */
export const DEFAULT_SHARED_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));
/** Events fall between this day and the end of 2026 (the years the calendar files cover). */
const FIRST_EVENT_DATE = '2024-01-01';
/** Administrative code of the synthetic region (no real place has it). */
const REGION_CODE = '990000';
const LAST_EVENT_DATE = '2026-12-31';
/** The earliest accepted `asOf`: events need some months of history before it. */
export const EARLIEST_AS_OF = '2024-06-01';
/** Weekly inspections generated before "today". */
const INSPECTION_WEEKS = 4;

export interface GenerateOptions {
  /** Number of account files (≥ 1). */
  accounts: number;
  /** Any text; the same seed gives the same dataset. */
  seed: string;
  /** "Today" (`YYYY-MM-DD`): no date in the dataset is later. Default 2026-11-28. */
  asOf?: string;
  /** Directory holding platforms.yaml, policy.yaml and calendar/ (default: the repository's data/). */
  sharedDir?: string;
}

export interface GenerateSummary {
  accounts: number;
  units: number;
  active: number;
  suspended: number;
  deregistered: number;
  inspections: number;
  checks: number;
  rectifications: number;
  impostors: number;
  files: number;
  bytes: number;
  largestInspectionBytes: number;
  /** Inspection files written without `findings: []` to stay under the loader's size limit. */
  compactedInspections: number;
}

/** Reads the shared files and parses what the generator needs from them. */
function loadShared(dir: string) {
  const read = (rel: string) => ({ path: rel, text: readFileSync(path.join(dir, rel), 'utf8') });
  const platformsFile = read('platforms.yaml');
  const policyFile = read('policy.yaml');
  const calendarFiles = readdirSync(path.join(dir, 'calendar'))
    .filter((name) => /^\d{4}\.yaml$/.test(name))
    .sort()
    .map((name) => read(`calendar/${name}`));
  return {
    files: [policyFile, platformsFile, ...calendarFiles],
    platforms: PlatformsSchema.parse(parse(platformsFile.text)).platforms,
    policy: PolicySchema.parse(parse(policyFile.text)),
    calendar: new WorkCalendar(calendarFiles.map((f) => CalendarSchema.parse(parse(f.text)))),
  };
}

/** Checks options; returns an error message, or null when they are usable. */
export function checkOptions(options: GenerateOptions): string | null {
  if (!Number.isSafeInteger(options.accounts) || options.accounts < 1)
    return `--accounts must be a whole number ≥ 1 (got ${options.accounts})`;
  if (options.asOf !== undefined && !isValidDate(options.asOf)) return `--as-of must be a date YYYY-MM-DD (got ${options.asOf})`;
  if (options.asOf !== undefined && options.asOf < EARLIEST_AS_OF) return `--as-of must be ${EARLIEST_AS_OF} or later`;
  return null;
}

/** Generates a dataset, handing each file to `emit` (paths are `/`-separated, relative to the data directory). */
export function generateDataset(options: GenerateOptions, emit: (file: GeneratedFile) => void): GenerateSummary {
  const problem = checkOptions(options);
  if (problem) throw new RangeError(problem);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const asOfDay = dayNumber(asOf);
  const shared = loadShared(options.sharedDir ?? DEFAULT_SHARED_DIR);
  const stream = (name: string) => new Random(options.seed, name);

  const summary: GenerateSummary = {
    accounts: 0,
    units: 0,
    active: 0,
    suspended: 0,
    deregistered: 0,
    inspections: 0,
    checks: 0,
    rectifications: 0,
    impostors: 0,
    files: 0,
    bytes: 0,
    largestInspectionBytes: 0,
    compactedInspections: 0,
  };
  const out = (file: GeneratedFile) => {
    const bytes = Buffer.byteLength(file.text);
    if (!file.path.startsWith('inspections/') && file.path !== 'filing-numbers.yaml' && bytes > MAX_FILE_BYTES) {
      throw new Error(`generator: ${file.path} would be ${bytes} bytes, over the loader's limit of ${MAX_FILE_BYTES}`);
    }
    summary.files++;
    summary.bytes += bytes;
    emit(file);
  };

  out({
    path: 'site.yaml',
    text: block(
      {
        title: `${REGION_NAME}政务新媒体名录（合成数据）`,
        url: 'https://registry.example/',
        region: { name: REGION_NAME, code: REGION_CODE },
        office: {
          name: OFFICE_NAME,
          unit: OFFICE_UNIT,
          phone: '0931-8000000',
          email: 'office@gov.example',
          report_url: 'https://www.example.gov.cn/report',
        },
        description: `生成器合成的测试数据，共 ${options.accounts} 个账号；单位、账号、链接、电话、邮箱均为虚构。`,
        data_license: 'CC0-1.0',
        sample: true,
      },
      ['region', 'office'],
    ),
  });
  for (const file of shared.files) if (file.path !== 'policy.yaml') out(file);

  // Filing numbers: each year's sequence in the order accounts are made; a year past 9999 numbers leaves the rest unnumbered.
  const sequences = new Map<number, number>();
  const nextFilingNumber = (year: number) => {
    const next = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, next);
    return next <= MAX_SEQUENCE ? formatFilingNumber(REGION_CODE, year, next) : undefined;
  };

  let serial = 0;
  const identities = new IdentityFactory(stream('identities'));
  const ctx: AccountContext = {
    random: stream('accounts'),
    identities,
    platforms: shared.platforms.filter((p) => identities.canMake(p)),
    policy: shared.policy,
    calendar: shared.calendar,
    firstDay: dayNumber(FIRST_EVENT_DATE),
    lastDay: Math.min(asOfDay, dayNumber(LAST_EVENT_DATE)),
    asOfDay,
    nextSerial: () => serial++,
    nextFilingNumber,
  };

  const records: AccountRecord[] = [];
  const sizes = stream('sizes');
  for (const unit of unitStream(stream('units'))) {
    const remaining = options.accounts - records.length;
    if (remaining <= 0 && !unit.required) break;
    const count = Math.min(remaining, maxAccounts(ctx, unit), sizes.int(unit.accounts[0], unit.accounts[1]));
    out({ path: `units/${unit.id}/unit.yaml`, text: unitFile(unit) });
    summary.units++;
    for (const account of planAccounts(ctx, unit, count)) {
      out({ path: account.path, text: account.text });
      records.push(account.record);
    }
  }
  summary.accounts = records.length;
  if (summary.accounts !== options.accounts) throw new Error(`generator: made ${summary.accounts} accounts instead of ${options.accounts}`);
  for (const record of records) {
    const last = record.events[record.events.length - 1]!.type;
    if (last === 'suspended') summary.suspended++;
    else if (last === 'deregistered') summary.deregistered++;
    else summary.active++;
  }

  // The ledger of every number given; the policy, without the numbering requirement when a year ran out of numbers
  // (one region gives at most 9999 a year; a synthetic registry of that size is a benchmark, not a county).
  const unnumbered = records.some((r) => r.filingNumber === undefined);
  const policy = shared.files.find((f) => f.path === 'policy.yaml')!;
  out(unnumbered ? { path: policy.path, text: policy.text.replace(/^filing_number_required_from:.*\n/m, '') } : policy);
  out({
    path: 'filing-numbers.yaml',
    text: block({ numbers: records.flatMap((r) => (r.filingNumber ? [{ number: r.filingNumber, account: r.id }] : [])) }),
  });

  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inspections = planInspections(
    stream('inspections'),
    records,
    inspectionDays(asOfDay, INSPECTION_WEEKS),
    asOfDay,
    shared.policy,
    out,
  );
  summary.inspections = inspections.files;
  summary.checks = inspections.checks;
  summary.rectifications = inspections.rectifications;
  summary.largestInspectionBytes = inspections.largestBytes;
  summary.compactedInspections = inspections.compacted;

  const impostorCount = Math.max(1, Math.round(options.accounts / 200));
  summary.impostors = planImpostors(stream('impostors'), records, impostorCount, identities, () => serial++, ctx.firstDay, asOfDay, out);
  return summary;
}
