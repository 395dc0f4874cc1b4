/**
 * The search index's records, built from the model rather than by crawling the built pages:
 * crawling would index every page's navigation and footer, and one record per page would make
 * the file a phone downloads before its first result grow past budget. Records are grouped as
 * src/client/search-data.ts describes: a unit with its accounts in use, a unit with its closed
 * accounts, an impostor.
 */
import {
  DATA_FILTER,
  FILTER_ON,
  TIER_FILTER,
  kindFilter,
  platformFilter,
  type AccountBlock,
  type GroupData,
  type ImpostorData,
  type RecordData,
  type Tier,
} from '../client/search-data.ts';
import { indexTokens } from '../client/search-tokens.ts';
import type { Account, ImpostorRecord, Registry, Unit } from '../lib/model.ts';
import { looksLikeUrl } from '../shared/normalize.ts';
import { platformName } from './labels.ts';

/** A Pagefind custom record. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Pagefind language of the records. The zh-CN pages find the `zh` index; the query side cuts
 * text with `Intl.Segmenter`, which leaves the ASCII search tokens whole.
 */
export const SEARCH_LANGUAGE = 'zh';

/** Where the search page links a record: the URL paths it needs. */
export interface RecordLinks {
  /** URL of a unit page. */
  unit(unitId: string): string;
  /** URL of an impostor's entry on the impostors pages. */
  impostor(impostorId: string): string;
}

/** The names a unit is found under. */
function unitTexts(unit: Unit): string[] {
  return [unit.name, unit.short_name ?? '', ...unit.aliases];
}

/** The names, handles and identifiers an account is found under (URLs are left to the verify tool). */
function accountTexts(registry: Registry, account: Account): string[] {
  return [
    account.name,
    account.handle,
    ...account.identifiers.filter((v) => !looksLikeUrl(v)),
    ...account.formerNames.map((f) => f.value),
    ...account.formerHandles.map((f) => f.value),
    platformName(registry, account.platform),
  ];
}

function block(registry: Registry, account: Account, tokens: string[]): AccountBlock {
  const own = indexTokens(accountTexts(registry, account));
  tokens.push(...own);
  const b: AccountBlock = { s: account.slug, n: account.name, p: account.platform, h: account.handle, st: account.status, c: own.length };
  if (account.formerNames.length) b.f = account.formerNames.map((f) => f.value);
  if (account.closed) b.d = account.closed;
  if (account.successor) b.r = account.successor;
  return b;
}

function record(url: string, tier: Tier, tokens: string[], data: RecordData, filterKeys: Iterable<string>): SearchRecord {
  const filters: Record<string, string[]> = { [TIER_FILTER]: [tier], [DATA_FILTER]: [JSON.stringify(data)] };
  for (const key of filterKeys) filters[key] = [FILTER_ON];
  return { url, content: tokens.join(' '), language: SEARCH_LANGUAGE, meta: {}, filters };
}

/** A unit's record with its accounts in use (`u`) or its closed accounts (`c`). */
function groupRecord(
  registry: Registry,
  unit: Unit,
  accounts: readonly Account[],
  t: 'u' | 'c',
  links: RecordLinks,
  closedCount: number,
): SearchRecord {
  const tokens = indexTokens(unitTexts(unit));
  const data: GroupData = { t, u: unit.id, n: unit.name, k: unit.kind, c: tokens.length, a: [] };
  for (const account of accounts) data.a.push(block(registry, account, tokens));
  if (t === 'u' && closedCount > 0) data.x = closedCount;
  const keys = new Set([kindFilter(unit.kind), ...accounts.map((a) => platformFilter(a.platform))]);
  // Pagefind keeps one record per URL: the closed accounts' record points at the unit page's list of them.
  return record(t === 'u' ? links.unit(unit.id) : `${links.unit(unit.id)}#closed`, t === 'u' ? '1' : '2', tokens, data, keys);
}

function impostorRecord(registry: Registry, impostor: ImpostorRecord, links: RecordLinks): SearchRecord {
  const target = registry.accountById.get(impostor.imitates);
  const targetUnit = registry.unitById.get(target?.unit ?? impostor.imitates);
  const tokens = indexTokens([impostor.name, impostor.handle ?? '']);
  const data: ImpostorData = {
    t: 'i',
    i: impostor.id,
    n: impostor.name,
    p: impostor.platform,
    m: impostor.imitates,
    mn: target?.name ?? targetUnit?.name ?? impostor.imitates,
    f: impostor.found,
    c: tokens.length,
  };
  if (impostor.handle) data.h = impostor.handle;
  if (impostor.removed) data.r = impostor.removed;
  const keys = [platformFilter(impostor.platform), ...(targetUnit ? [kindFilter(targetUnit.kind)] : [])];
  return record(links.impostor(impostor.id), '3', tokens, data, keys);
}

/** Every search record of a registry: per unit (by id) its official record and, when it has closed accounts, their record; then the impostors. */
export function* searchRecords(registry: Registry, links: RecordLinks): Generator<SearchRecord> {
  for (const unit of registry.units) {
    const accounts = registry.accountsByUnit.get(unit.id) ?? [];
    const active = accounts.filter((a) => a.status === 'active');
    const closed = accounts.filter((a) => a.status !== 'active');
    yield groupRecord(registry, unit, active, 'u', links, closed.length);
    if (closed.length) yield groupRecord(registry, unit, closed, 'c', links, 0);
  }
  for (const impostor of registry.impostors) yield impostorRecord(registry, impostor, links);
}
