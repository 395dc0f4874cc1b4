/**
 * The open-data documents built from the model: accounts, units and impostors as JSON (shapes in
 * src/lib/schema/opendata.ts) and the accounts as a CSV table for Excel (src/lib/opendata/csv.ts).
 * Only public data: units' office contacts, never the maintainers' GitHub names.
 */
import { proofFact, proofShown } from '../facts/proof.ts';
import type { Account, Registry } from '../model.ts';
import type { OpenAccount, OpenAccounts, OpenEvent, OpenImpostors, OpenUnits } from '../schema/opendata.ts';
import { UNIT_KINDS } from '../schema/unit.ts';

/** Absolute URL of a site path (`/units/x/`), under the site's origin and base. */
export type UrlOf = (path: string) => string;

/** The fields every open-data document (and the signed snapshot) starts with. */
export function openDataHeader(registry: Registry) {
  const { site } = registry;
  return {
    title: site.title,
    region: { name: site.region.name, code: site.region.code },
    publisher: site.office.name,
    as_of: registry.asOf,
    license: site.data_license ?? null,
    sample: site.sample,
  };
}

/** The latest inspection result of each account. */
function latestChecks(registry: Registry): Map<string, OpenAccount['last_inspection']> {
  const latest = new Map<string, OpenAccount['last_inspection']>();
  for (const inspection of registry.inspections) {
    for (const check of inspection.checks)
      latest.set(check.account, { date: inspection.date, last_post: check.last_post, findings: [...check.findings] });
  }
  return latest;
}

function openEvent(e: Account['events'][number]): OpenEvent {
  const out: OpenEvent = { type: e.type, date: e.date, filed: e.filed };
  if (e.type === 'changed') {
    if (e.previous_name !== undefined) out.previous_name = e.previous_name;
    if (e.previous_handle !== undefined) out.previous_handle = e.previous_handle;
    if (e.previous_verified_as !== undefined) out.previous_verified_as = e.previous_verified_as;
  }
  if (e.type === 'suspended' || e.type === 'deregistered') {
    if (e.notice_url !== undefined) out.notice_url = e.notice_url;
    if (e.successor !== undefined) out.successor = e.successor;
  }
  if (e.note !== undefined) out.note = e.note;
  return out;
}

/** An account's two-way proof as published: where and when it was last seen, or null when not (or no longer) shown. */
export function openProof(registry: Registry, account: Account): OpenAccount['proof'] {
  const fact = proofFact(account, registry.inspections, registry.policy, registry.asOf);
  return proofShown(fact) ? { where: fact.where, text: fact.text, checked: fact.checked! } : null;
}

/** One account as published. */
export function openAccount(
  registry: Registry,
  account: Account,
  urlOf: UrlOf,
  lastInspection: OpenAccount['last_inspection'] = null,
): OpenAccount {
  return {
    id: account.id,
    unit: account.unit,
    unit_name: registry.unitById.get(account.unit)?.name ?? account.unit,
    name: account.name,
    platform: account.platform,
    platform_name: registry.platformById.get(account.platform)?.name ?? account.platform,
    handle: account.handle,
    identifiers: [...account.identifiers],
    filing_number: account.filing_number ?? null,
    url: account.url,
    verified_as: account.verified_as,
    purpose: account.purpose,
    operation: account.operation,
    operator: account.operator ?? null,
    status: account.status,
    opened: account.opened,
    closed: account.closed,
    closure_notice: account.closureNotice,
    successor: account.successor,
    former_names: account.formerNames.map((f) => ({ value: f.value, until: f.until })),
    former_handles: account.formerHandles.map((f) => ({ value: f.value, until: f.until })),
    events: account.events.map(openEvent),
    waiver: account.waiver
      ? { reason: account.waiver.reason, approved_by: account.waiver.approved_by, approved_on: account.waiver.approved_on }
      : null,
    last_inspection: lastInspection,
    proof: openProof(registry, account),
    page: urlOf(`/units/${account.id}/`),
  };
}

/** `/data/accounts.json`. */
export function accountsDocument(registry: Registry, urlOf: UrlOf): OpenAccounts {
  const latest = latestChecks(registry);
  const accounts = registry.accounts.map((a) => openAccount(registry, a, urlOf, latest.get(a.id) ?? null));
  return { ...openDataHeader(registry), count: accounts.length, accounts };
}

/** `/data/units.json`. */
export function unitsDocument(registry: Registry, urlOf: UrlOf): OpenUnits {
  const units = registry.units.map((u) => {
    const accounts = registry.accountsByUnit.get(u.id) ?? [];
    const count = (s: Account['status']) => accounts.filter((a) => a.status === s).length;
    const contact: OpenUnits['units'][number]['contact'] = {};
    if (u.contact.phone) contact.phone = u.contact.phone;
    if (u.contact.email) contact.email = u.contact.email;
    if (u.contact.address) contact.address = u.contact.address;
    if (u.contact.website) contact.website = u.contact.website;
    return {
      id: u.id,
      name: u.name,
      short_name: u.short_name ?? null,
      aliases: [...u.aliases],
      kind: u.kind,
      kind_name: UNIT_KINDS[u.kind],
      parent: u.parent,
      contact,
      accounts: { active: count('active'), suspended: count('suspended'), deregistered: count('deregistered') },
      page: urlOf(`/units/${u.id}/`),
    };
  });
  return { ...openDataHeader(registry), count: units.length, units };
}

/** `/data/impostors.json`. */
export function impostorsDocument(registry: Registry): OpenImpostors {
  const impostors = registry.impostors.map((i) => {
    const target = registry.accountById.get(i.imitates);
    return {
      id: i.id,
      platform: i.platform,
      platform_name: registry.platformById.get(i.platform)?.name ?? i.platform,
      name: i.name,
      handle: i.handle,
      url: i.url,
      imitates: i.imitates,
      imitates_name: target?.name ?? registry.unitById.get(i.imitates)?.name ?? i.imitates,
      found: i.found,
      reported: i.reported,
      removed: i.removed,
      source: i.source,
      note: i.note ?? null,
    };
  });
  return { ...openDataHeader(registry), count: impostors.length, impostors };
}

/**
 * A document serialised as published: compact JSON (no indentation: at a province's scale the
 * spaces were a third of the bytes), except that the items of a top-level list (the accounts,
 * units, impostors…) each start a line, so the file stays readable with `grep`, `head` and `diff`;
 * final newline. Parses to the same value as `JSON.stringify(document)`.
 */
export function documentJson(document: unknown): string {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return `${JSON.stringify(document)}\n`;
  const fields = Object.entries(document as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const name = JSON.stringify(key);
      if (!Array.isArray(value) || value.length === 0) return `${name}:${JSON.stringify(value)}`;
      return `${name}:[\n${value.map((item) => JSON.stringify(item ?? null)).join(',\n')}\n]`;
    });
  return `{${fields.join(',')}}\n`;
}
