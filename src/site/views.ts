/**
 * What the pages show, derived once per registry from the model: listings in display order, the
 * lifecycle events of every account, each account's latest inspection, what each unit and
 * account is imitated by. A build renders 100k pages; each page only looks up what it needs
 * here, so no page costs more than its own size.
 */
import type { Account, ImpostorRecord, Registry, Unit } from '../lib/model.ts';
import type { AccountEvent } from '../lib/schema/account.ts';
import type { Check } from '../lib/schema/inspection.ts';
import { UNIT_KINDS, type UnitKind } from '../lib/schema/unit.ts';
import { derived } from '../integration/registry-store.ts';

/** One lifecycle event of an account, for the change list and feed. */
export interface LifecycleEvent {
  account: Account;
  event: AccountEvent;
  /** Position of the event in the account's file. */
  index: number;
}

/** An account's result in the latest inspection that checked it. */
export interface LatestCheck {
  /** Inspection day. */
  date: string;
  check: Check;
  /** Open rectifications ordered for the account by that inspection. */
  rectifications: { issue: string; due: string; resolved: string | null }[];
}

/** Everything the pages derive from a registry. */
export interface Views {
  /** Units by kind, kinds in display order (empty kinds left out), each sorted by id. */
  unitsByKind: ReadonlyMap<UnitKind, readonly Unit[]>;
  /** Child units (villages of a township) by parent id. */
  childUnits: ReadonlyMap<string, readonly Unit[]>;
  /** Accounts by platform: in use first, then suspended, then deregistered; each by id. */
  accountsByPlatform: ReadonlyMap<string, readonly Account[]>;
  /** Suspended and deregistered accounts, latest closure first. */
  closed: readonly Account[];
  /** Every lifecycle event, latest first (by day, then filing day, then account id). */
  events: readonly LifecycleEvent[];
  /** Impostors: still online first, then latest found first. */
  impostors: readonly ImpostorRecord[];
  /** Impostors by what they imitate (account id or unit id), and by the unit of an imitated account. */
  impostorsByTarget: ReadonlyMap<string, readonly ImpostorRecord[]>;
  /** Accounts that named an account as their successor, by successor id. */
  predecessors: ReadonlyMap<string, readonly Account[]>;
  /** Latest inspection result by account id. */
  latestCheck: ReadonlyMap<string, LatestCheck>;
}

const STATUS_ORDER = { active: 0, suspended: 1, deregistered: 2 } as const;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function derive(registry: Registry): Views {
  const unitsByKind = new Map<UnitKind, Unit[]>();
  for (const kind of Object.keys(UNIT_KINDS) as UnitKind[]) {
    const units = registry.units.filter((u) => u.kind === kind);
    if (units.length) unitsByKind.set(kind, units);
  }
  const childUnits = new Map<string, Unit[]>();
  for (const unit of registry.units) if (unit.parent) push(childUnits, unit.parent, unit);

  const accountsByPlatform = new Map<string, Account[]>(registry.platforms.map((p) => [p.id, []]));
  for (const account of registry.accounts) push(accountsByPlatform, account.platform, account);
  for (const list of accountsByPlatform.values()) list.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || cmp(a.id, b.id));

  const closed = registry.accounts
    .filter((a) => a.status !== 'active')
    .sort((a, b) => cmp(b.closed ?? '', a.closed ?? '') || cmp(a.id, b.id));

  const events: LifecycleEvent[] = [];
  const predecessors = new Map<string, Account[]>();
  for (const account of registry.accounts) {
    account.events.forEach((event, index) => events.push({ account, event, index }));
    if (account.successor) push(predecessors, account.successor, account);
  }
  events.sort(
    (a, b) => cmp(b.event.date, a.event.date) || cmp(b.event.filed, a.event.filed) || cmp(a.account.id, b.account.id) || b.index - a.index,
  );

  const impostors = [...registry.impostors].sort(
    (a, b) => Number(a.removed !== null) - Number(b.removed !== null) || cmp(b.found, a.found) || cmp(a.id, b.id),
  );
  const impostorsByTarget = new Map<string, ImpostorRecord[]>();
  for (const impostor of impostors) {
    push(impostorsByTarget, impostor.imitates, impostor);
    const target = registry.accountById.get(impostor.imitates);
    if (target) push(impostorsByTarget, target.unit, impostor);
  }

  const latestCheck = new Map<string, LatestCheck>();
  for (const inspection of registry.inspections) {
    const open = new Map<string, LatestCheck['rectifications']>();
    for (const r of inspection.rectifications) push(open, r.account, { issue: r.issue, due: r.due, resolved: r.resolved });
    for (const check of inspection.checks) {
      latestCheck.set(check.account, { date: inspection.date, check, rectifications: open.get(check.account) ?? [] });
    }
  }
  return { unitsByKind, childUnits, accountsByPlatform, closed, events, impostors, impostorsByTarget, predecessors, latestCheck };
}

/** The derived views of a registry (computed on first use). */
export function views(registry: Registry): Views {
  return derived('views', registry, derive);
}
