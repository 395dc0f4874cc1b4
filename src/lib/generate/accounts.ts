/**
 * The synthetic accounts of one unit: which platforms it is on (one account per platform, now
 * and then a second one with a waiver or a deregistered predecessor naming its successor), the
 * account files, and their lifecycle events over 2024–2026 — opened, sometimes renamed
 * (`previous_name`), about one in ten suspended or deregistered with a closure notice, a few
 * resumed — each filed within the policy deadline in working days (a few late, as in life).
 */
import type { WorkCalendar } from '../calendar.ts';
import { dateOf, dayNumber } from '../dates.ts';
import type { EventType } from '../schema/account.ts';
import type { Platform } from '../schema/platforms.ts';
import type { Policy } from '../schema/policy.ts';
import { IdentityFactory } from './identities.ts';
import { ALNUM, type Random } from './random.ts';
import type { UnitPlan } from './units.ts';
import { COMPANY_ENDINGS, NAME_ENDINGS, PLACE_SYLLABLES, PURPOSES, WAIVER_REASONS } from './vocabulary.ts';
import { block, type YamlValue } from './yaml-emit.ts';

/** Relative weight of each platform when a unit picks where to open accounts. */
const PLATFORM_WEIGHTS: Readonly<Record<string, number>> = {
  wechat: 12,
  douyin: 6,
  channels: 5,
  weibo: 4,
  kuaishou: 4,
  toutiao: 4,
  xiaohongshu: 2,
  bilibili: 1.5,
  miniprogram: 1.5,
};
/** Weight of `app` for governments (unit kind `other`), the only units that run one. */
const APP_WEIGHT_FOR_GOVERNMENTS = 4;
/** Weight of a platform the generator does not know yet. */
const OTHER_PLATFORM_WEIGHT = 0.5;

/** One lifecycle event, with day numbers. */
export interface PlannedEvent {
  type: EventType;
  day: number;
}

/** What later stages (inspections, impostors) need to know about an account. */
export interface AccountRecord {
  id: string;
  unit: string;
  platform: Platform;
  name: string;
  /** Events in order (day numbers). */
  events: readonly PlannedEvent[];
  /** Posting habit: usual number of days between posts at an inspection. */
  habit: 'regular' | 'lagging' | 'zombie';
  /** Filing number, or undefined when the year of its opening filing ran out of numbers. */
  filingNumber?: string;
}

/** Everything the account stage needs from the rest of the generator. */
export interface AccountContext {
  random: Random;
  identities: IdentityFactory;
  /** Platforms the generator can make accounts on. */
  platforms: readonly Platform[];
  policy: Policy;
  calendar: WorkCalendar;
  /** First and last day events may fall on (day numbers). */
  firstDay: number;
  lastDay: number;
  /** "Today" (day number): nothing is filed after it. */
  asOfDay: number;
  /** Next never-used identity serial. */
  nextSerial(): number;
  /** Next free filing number of a year (the year its opening was filed), or undefined when the year has none left. */
  nextFilingNumber(year: number): string | undefined;
}

/** An account file to write and its record. */
export interface PlannedAccount {
  path: string;
  text: string;
  record: AccountRecord;
}

/** How likely a unit is to be on a platform; 0 when units of its kind never are. */
function weightFor(platform: Platform, unit: UnitPlan): number {
  // Mobile apps (客户端) are run by governments, not by departments, townships or villages.
  if (platform.id === 'app') return unit.kind === 'other' ? APP_WEIGHT_FOR_GOVERNMENTS : 0;
  return PLATFORM_WEIGHTS[platform.id] ?? OTHER_PLATFORM_WEIGHT;
}

/** Day the event was filed: within the deadline in working days, a few late. */
function filedDay(ctx: AccountContext, day: number): number {
  const { random, calendar, policy } = ctx;
  const deadline = policy.filing_deadline_working_days;
  const workdays = random.chance(0.03) ? deadline + random.int(2, 8) : random.int(0, deadline);
  let filed = day;
  if (workdays > 0) {
    const due = calendar.addWorkdays(dateOf(day), workdays);
    filed = due.date !== undefined ? dayNumber(due.date) : day + workdays + 2;
  }
  return Math.min(filed, ctx.asOfDay);
}

/** `count` distinct days after `after`, up to `last`, ascending (fewer when the range is short). */
function daysAfter(random: Random, after: number, last: number, count: number): number[] {
  const days = new Set<number>();
  const room = last - after;
  while (days.size < Math.min(count, room)) days.add(random.int(after + 1, last));
  return [...days].sort((a, b) => a - b);
}

/** The event types of an account's life, after `opened`. */
function lifePath(random: Random): EventType[] {
  const r = random.next();
  const renamed = random.chance(0.2);
  if (r < 0.06) return renamed ? ['changed', 'suspended'] : ['suspended'];
  if (r < 0.095) return random.chance(0.5) ? ['suspended', 'deregistered'] : ['deregistered'];
  if (r < 0.11) return ['suspended', 'resumed'];
  return renamed ? ['changed'] : [];
}

/** Events of an account opened on `opened`, following `path`, all on or before `last`. */
function eventsOf(random: Random, opened: number, path: readonly EventType[], last: number): PlannedEvent[] {
  const days = daysAfter(random, opened, last, path.length);
  // A short range keeps a prefix of the path, which is still a valid order.
  return [{ type: 'opened', day: opened }, ...days.map((day, i) => ({ type: path[i]!, day }))];
}

function accountName(random: Random, unit: UnitPlan, platform: Platform): string {
  const ending = random.pick(NAME_ENDINGS[platform.kind] ?? ['']);
  // A bare place name is no account name for a government: 长原 → 长原发布.
  return `${unit.stem}${ending === '' && unit.kind === 'other' ? '发布' : ending}`;
}

function formerName(random: Random, unit: UnitPlan, current: string): string {
  const candidates = [unit.shortName, `${unit.stem}资讯`, `${unit.stem}在线`, unit.name].filter((n) => n !== current && n.length <= 50);
  return random.pick(candidates);
}

function purpose(random: Random, unit: UnitPlan, platform: Platform): string {
  return random.pick(PURPOSES[platform.kind] ?? PURPOSES.social!).replace('{topic}', unit.topic);
}

function noticeUrl(random: Random): string {
  return `https://mp.weixin.qq.com/s/${random.chars(ALNUM, 22)}`;
}

interface Slot {
  platform: Platform;
  slug: string;
  /** `<unit>/<slug>` of the account that replaces this one (a deregistered predecessor). */
  successor?: string;
  /** A second account on the platform, with a waiver. */
  waiver?: boolean;
}

/** Which accounts a unit runs: `count` slots on distinct platforms, perhaps one extra slot. */
function slotsOf(ctx: AccountContext, unit: UnitPlan, count: number): Slot[] {
  const { random } = ctx;
  const extra = count >= 3 && random.chance(0.04) ? 'predecessor' : count >= 3 && random.chance(0.015) ? 'waiver' : null;
  const platforms = random.weightedSample(ctx.platforms, (p) => weightFor(p, unit), extra ? count - 1 : count);
  const slots: Slot[] = platforms.map((platform) => ({ platform, slug: platform.id }));
  if (extra && slots.length > 0) {
    const main = slots[0]!; // usually wechat, the heaviest platform
    if (extra === 'predecessor')
      slots.unshift({ platform: main.platform, slug: `${main.platform.id}-old`, successor: `${unit.id}/${main.slug}` });
    else slots.push({ platform: main.platform, slug: `${main.platform.id}-2`, waiver: true });
  }
  return slots;
}

/** The most accounts a unit can be given: one per platform it uses. */
export function maxAccounts(ctx: AccountContext, unit: UnitPlan): number {
  return ctx.platforms.filter((p) => weightFor(p, unit) > 0).length;
}

/** The account files of a unit running `count` accounts. */
export function planAccounts(ctx: AccountContext, unit: UnitPlan, count: number): PlannedAccount[] {
  const { random } = ctx;
  const planned: PlannedAccount[] = [];
  /** Day a predecessor was deregistered, keyed by its successor's slug. */
  const handover = new Map<string, number>();
  /** Day each account was opened, keyed by slug. */
  const openedOn = new Map<string, number>();

  for (const slot of slotsOf(ctx, unit, count)) {
    const { platform } = slot;
    let events: PlannedEvent[];
    if (slot.successor) {
      // A predecessor: opened early, deregistered when the new account took over.
      const opened = random.int(ctx.firstDay, ctx.lastDay - 150);
      const closed = random.int(opened + 60, ctx.lastDay - 30);
      events = [{ type: 'opened', day: opened }];
      if (random.chance(0.5)) events.push({ type: 'suspended', day: closed - random.int(1, 20) });
      events.push({ type: 'deregistered', day: closed });
      handover.set(slot.successor.split('/')[1]!, closed);
    } else if (slot.waiver) {
      // The second account on a platform comes after the first (the rule exempts the earliest).
      const first = openedOn.get(platform.id) ?? ctx.firstDay;
      const opened = random.int(first + 1, Math.max(first + 1, ctx.lastDay - 30));
      events = eventsOf(random, opened, lifePath(random), ctx.lastDay);
    } else {
      const takeover = handover.get(slot.slug);
      const opened = takeover !== undefined ? takeover - random.int(0, 20) : random.int(ctx.firstDay, ctx.lastDay - 60);
      events = eventsOf(random, opened, lifePath(random), ctx.lastDay);
      // A successor is in use on the day it takes over: its history ends before a closure on or before that day.
      if (takeover !== undefined) {
        const early = events.findIndex((e) => (e.type === 'suspended' || e.type === 'deregistered') && e.day <= takeover);
        if (early > 0) events = events.slice(0, early);
      }
    }
    openedOn.set(slot.slug, events[0]!.day);

    const name = accountName(random, unit, platform);
    const identity = ctx.identities.make(platform, { serial: ctx.nextSerial(), prefix: unit.prefix, region: unit.region });
    const outsourced = random.chance(0.15);
    const fields: Record<string, YamlValue | undefined> = {
      name,
      platform: platform.id,
      handle: identity.handle,
      identifiers: identity.identifiers.length > 0 ? identity.identifiers : undefined,
      url: identity.url,
      // Platforms show the unit's full name; now and then a recorded alias.
      verified_as: unit.aliases.length > 0 && random.chance(0.1) ? unit.aliases[0]! : unit.name,
      purpose: purpose(random, unit, platform),
      operation: outsourced ? 'outsourced' : 'self',
      operator: outsourced
        ? `${random.pick(PLACE_SYLLABLES)[0]}${random.pick(PLACE_SYLLABLES)[0]}${random.pick(COMPANY_ENDINGS)}`
        : undefined,
      events: events.map((e) => {
        const base = { type: e.type, date: dateOf(e.day), filed: dateOf(filedDay(ctx, e.day)) };
        if (e.type === 'changed') return { ...base, previous_name: formerName(random, unit, name) };
        if (e.type === 'suspended' || e.type === 'deregistered') {
          const successor = e.type === 'deregistered' && slot.successor ? slot.successor : undefined;
          return { ...base, notice_url: noticeUrl(random), successor };
        }
        return base;
      }),
      waiver: slot.waiver
        ? {
            reason: random.pick(WAIVER_REASONS),
            approved_by: unit.approver,
            approved_on: dateOf(Math.max(ctx.firstDay, events[0]!.day - random.int(1, 30))),
          }
        : undefined,
    };
    // The filing number of the year the opening was filed, placed before `url` as the schema orders it.
    const opening = (fields.events as readonly { filed: string }[])[0]!;
    const filingNumber = ctx.nextFilingNumber(Number(opening.filed.slice(0, 4)));
    // Two-way proof on most accounts still in use (no random draw: the other fields stay as they were): some
    // checks older than the policy's limit, some accounts without proof.
    const id = `${unit.id}/${slot.slug}`;
    const roll = [...id].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 1009, 7);
    const lastEvent = events[events.length - 1]!;
    const checkedDay = Math.max(dayNumber(opening.filed), ctx.asOfDay - (roll % 10 === 0 ? 100 + (roll % 60) : roll % 60));
    if (lastEvent.type !== 'suspended' && lastEvent.type !== 'deregistered' && roll % 12 !== 0 && checkedDay <= ctx.asOfDay)
      fields.proof = {
        where: (['profile', 'menu', 'pinned'] as const)[roll % 3]!,
        text: filingNumber ? `政务新媒体备案编号 ${filingNumber}` : '政务新媒体，可在名录核验',
        checked: dateOf(checkedDay),
      };
    const file = Object.fromEntries(
      Object.entries(fields).flatMap(([key, value]) =>
        key === 'proof'
          ? []
          : key === 'url'
            ? [['filing_number', filingNumber] as const, [key, value] as const]
            : key === 'waiver'
              ? [['proof', fields.proof] as const, [key, value] as const]
              : [[key, value] as const],
      ),
    );
    const habitRoll = random.next();
    planned.push({
      path: `units/${unit.id}/accounts/${slot.slug}.yaml`,
      text: block(file, ['waiver']),
      record: {
        id,
        unit: unit.id,
        platform,
        name,
        events,
        habit: habitRoll < 0.02 ? 'zombie' : habitRoll < 0.06 ? 'lagging' : 'regular',
        filingNumber,
      },
    });
  }
  return planned;
}

/** Status of an account at the end of a day, or null before it was opened (as the model derives it). */
export function statusOn(record: AccountRecord, day: number): 'active' | 'suspended' | 'deregistered' | null {
  let status: 'active' | 'suspended' | 'deregistered' | null = null;
  for (const e of record.events) {
    if (e.day > day) break;
    status = e.type === 'suspended' ? 'suspended' : e.type === 'deregistered' ? 'deregistered' : 'active';
  }
  return status;
}

/** The unit.yaml text of a unit. */
export function unitFile(unit: UnitPlan): string {
  return block(
    {
      id: unit.id,
      name: unit.name,
      short_name: unit.shortName,
      aliases: unit.aliases.length > 0 ? unit.aliases : undefined,
      kind: unit.kind,
      parent: unit.parent,
      contact: Object.keys(unit.contact).length > 0 ? unit.contact : undefined,
      maintainers: [`@example-gov/${unit.id}`],
    },
    ['contact'],
  );
}
