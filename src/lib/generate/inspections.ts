/**
 * Weekly inspection records of the synthetic dataset and the impostor files. Every inspection
 * checks every account active on its date; most accounts posted within days, a few lag
 * (`stale` finding, warning) or have gone quiet (单项否决); findings lead to rectifications,
 * most resolved within the week. Impostors copy an official account's name with an extra word.
 */
import { dateOf, weekday } from '../dates.ts';
import { MAX_INSPECTION_BYTES } from '../load/read.ts';
import type { Finding } from '../schema/inspection.ts';
import type { Policy } from '../schema/policy.ts';
import { statusOn, type AccountRecord } from './accounts.ts';
import { IdentityFactory } from './identities.ts';
import type { Random } from './random.ts';
import { INSPECTOR_UNIT } from './units.ts';
import { IMPOSTOR_WORDS, OTHER_FINDINGS } from './vocabulary.ts';
import { block, type YamlValue } from './yaml-emit.ts';

/** A generated file: path inside the data directory (`/`-separated) and its text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** The Mondays of the last `weeks` weeks, the latest on or before "today", oldest first. */
export function inspectionDays(asOfDay: number, weeks: number): number[] {
  const latest = asOfDay - ((weekday(asOfDay) + 6) % 7);
  return Array.from({ length: weeks }, (_, i) => latest - 7 * (weeks - 1 - i));
}

/** Days since the last post an account shows at one inspection. */
function postGap(random: Random, habit: AccountRecord['habit'], policy: Policy): number {
  switch (habit) {
    case 'regular':
      return random.int(0, Math.min(5, policy.stale_warning_days));
    case 'lagging':
      return random.int(policy.stale_warning_days + 1, policy.stale_fail_days);
    case 'zombie':
      return random.int(policy.stale_fail_days + 1, 60);
  }
}

export interface InspectionStats {
  files: number;
  checks: number;
  rectifications: number;
  largestBytes: number;
  /** Files written without `findings: []` to stay under the size limit. */
  compacted: number;
}

/** One inspection file per day in `days`; `accounts` sorted by id. */
export function planInspections(
  random: Random,
  accounts: readonly AccountRecord[],
  days: readonly number[],
  asOfDay: number,
  policy: Policy,
  emit: (file: GeneratedFile) => void,
): InspectionStats {
  const stats: InspectionStats = { files: 0, checks: 0, rectifications: 0, largestBytes: 0, compacted: 0 };
  const latest = days[days.length - 1];
  for (const day of days) {
    const date = dateOf(day);
    const checks: { account: string; last_post: string; findings: Finding[] }[] = [];
    const rectifications: YamlValue[] = [];
    for (const account of accounts) {
      if (statusOn(account, day) !== 'active') continue;
      const opened = account.events[0]!.day;
      const lastPost = Math.max(opened, day - postGap(random, account.habit, policy));
      const findings: Finding[] = [];
      if (day - lastPost > policy.stale_warning_days) findings.push('stale');
      if (random.chance(0.01)) findings.push(random.pick(OTHER_FINDINGS));
      checks.push({ account: account.id, last_post: dateOf(lastPost), findings });
      if (findings.length === 0) continue;
      const due = day + 7;
      // Earlier rectifications are mostly done; the latest inspection's are still open.
      const resolvedBy = Math.min(due, asOfDay);
      const resolved = day !== latest && resolvedBy > day && random.chance(0.85) ? dateOf(random.int(day + 1, resolvedBy)) : null;
      rectifications.push({ account: account.id, issue: findings[0]!, due: dateOf(due), resolved });
    }
    const render = (omitEmptyFindings: boolean) =>
      block({
        date,
        inspector: INSPECTOR_UNIT,
        checks: omitEmptyFindings
          ? checks.map((c) => (c.findings.length > 0 ? c : { account: c.account, last_post: c.last_post }))
          : checks,
        rectifications,
      });
    let text = render(false);
    let bytes = Buffer.byteLength(text);
    if (bytes > MAX_INSPECTION_BYTES) {
      // Near the loader's size limit (about 100k accounts) leave out `findings: []`, its default.
      text = render(true);
      bytes = Buffer.byteLength(text);
      stats.compacted++;
    }
    if (bytes > MAX_INSPECTION_BYTES) {
      throw new Error(`generator: inspection ${date} would be ${bytes} bytes, over the loader's limit of ${MAX_INSPECTION_BYTES}`);
    }
    emit({ path: `inspections/${date.slice(0, 4)}/${date}.yaml`, text });
    stats.files++;
    stats.checks += checks.length;
    stats.rectifications += rectifications.length;
    stats.largestBytes = Math.max(stats.largestBytes, bytes);
  }
  return stats;
}

/** `count` impostor files, each copying a random official account on a platform with public pages. */
export function planImpostors(
  random: Random,
  accounts: readonly AccountRecord[],
  count: number,
  identities: IdentityFactory,
  nextSerial: () => number,
  firstDay: number,
  asOfDay: number,
  emit: (file: GeneratedFile) => void,
): number {
  const targets = accounts.filter((a) => IdentityFactory.hasUrl(a.platform));
  if (targets.length === 0) return 0;
  for (let n = 1; n <= count; n++) {
    const target = random.pick(targets);
    const identity = identities.make(target.platform, { serial: nextSerial(), prefix: 'gf', region: 'fake' });
    const found = random.int(Math.min(asOfDay, Math.max(firstDay, target.events[0]!.day)), asOfDay);
    const reported = random.chance(0.85) ? Math.min(asOfDay, found + random.int(0, 3)) : null;
    const removedDay = reported !== null && random.chance(0.65) ? reported + random.int(1, 30) : null;
    const removed = removedDay !== null && removedDay <= asOfDay ? removedDay : null;
    const file = {
      platform: target.platform.id,
      name: `${target.name}${random.pick(IMPOSTOR_WORDS)}`.slice(0, 100),
      handle: identity.handle,
      url: identity.url,
      imitates: random.chance(0.8) ? target.id : target.unit,
      found: dateOf(found),
      reported: reported === null ? null : dateOf(reported),
      removed: removed === null ? null : dateOf(removed),
      source: random.chance(0.6) ? 'inspection' : 'public-report',
    };
    emit({ path: `impostors/${dateOf(found).slice(0, 4)}-${String(n).padStart(5, '0')}.yaml`, text: block(file) });
  }
  return count;
}
