/**
 * The search itself, without the page: turns a query as typed into Pagefind searches over the
 * grouped records (src/client/search-data.ts) and the groups into hits — units, accounts,
 * impostors — ranked official first, closed next, impostors last. The search page renders the
 * hits; the tests run the same code in Node against the built index through Pagefind's own API.
 *
 * No Node imports: this file is bundled into the search page.
 */
import {
  DATA_FILTER,
  FILTER_ON,
  TIER_FILTER,
  TIERS,
  kindFilter,
  platformFilter,
  type AccountBlock,
  type GroupData,
  type ImpostorData,
  type RecordData,
  type Tier,
} from './search-data.ts';
import { foldText, queryTokens } from './search-tokens.ts';

/** What the engine needs of a Pagefind instance (`createInstance()` of pagefind.js). */
export interface PagefindApi {
  search(term: string, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
}
export interface PagefindResponse {
  results: { id: string; score: number; data(): Promise<PagefindFragment> }[];
}
export interface PagefindFragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
}

/** Filters of the search form. */
export interface SearchFilters {
  /** Platform id. */
  platform?: string;
  /** Unit kind id. */
  kind?: string;
  /** `active` (official), `closed` (suspended or deregistered) or `impostor`. */
  status?: 'active' | 'closed' | 'impostor';
}

/** An account that matches. */
export interface AccountHit {
  type: 'account';
  /** `unit/slug`. */
  id: string;
  unit: string;
  unitName: string;
  name: string;
  platform: string;
  handle: string;
  status: AccountBlock['st'];
  formerNames: string[];
  closed?: string;
  successor?: string;
  /** The query is the account's name or handle exactly. */
  exact: boolean;
}

/** A unit whose names match; lists its accounts (in use, or closed in a closed group). */
export interface UnitHit {
  type: 'unit';
  unit: string;
  name: string;
  kind: string;
  /** Which of the unit's accounts the group holds. */
  group: 'u' | 'c';
  accounts: AccountHit[];
  /** Closed accounts not listed (official group only). */
  closedCount: number;
}

/** A reported impostor that matches. */
export interface ImpostorHit {
  type: 'impostor';
  id: string;
  name: string;
  platform: string;
  handle?: string;
  imitates: string;
  imitatesName: string;
  found: string;
  removed?: string;
}

export type Hit = AccountHit | UnitHit | ImpostorHit;

/** The results of one tier, loaded a page at a time. */
export interface TierResults {
  tier: Tier;
  /** Number of matching records (a record may give several hits, or none once narrowed). */
  records: number;
  /** Whether more records remain to load. */
  readonly more: boolean;
  /** Loads the hits of the next `count` records. */
  next(count?: number): Promise<Hit[]>;
}

/** Records loaded per `next()` by default ("show more"). */
export const PAGE_RECORDS = 10;

/** Records loaded for the first page of each tier: official results matter most; closed accounts and impostors are shown briefly. */
export const FIRST_PAGE: Record<Tier, number> = { '1': 10, '2': 5, '3': 5 };

/** Whether a query token is found among a block's tokens (exactly, or as the start of one). */
function found(token: string, tokens: readonly string[]): boolean {
  return tokens.some((t) => t === token || t.startsWith(token));
}

function allFound(query: readonly string[], tokens: readonly string[]): boolean {
  return query.every((q) => found(q, tokens));
}

/** Splits a record's content into its blocks' tokens: the first block, then one per account. */
function blocksOf(content: string, counts: readonly number[]): string[][] {
  const tokens = content.split(/[\s\u200b]+/).filter(Boolean);
  const blocks: string[][] = [];
  let at = 0;
  for (const count of counts) {
    blocks.push(tokens.slice(at, at + count));
    at += count;
  }
  return blocks;
}

function accountHit(group: GroupData, b: AccountBlock, folded: string): AccountHit {
  const hit: AccountHit = {
    type: 'account',
    id: `${group.u}/${b.s}`,
    unit: group.u,
    unitName: group.n,
    name: b.n,
    platform: b.p,
    handle: b.h,
    status: b.st,
    formerNames: b.f ?? [],
    exact: foldText(b.n) === folded || foldText(b.h) === folded,
  };
  if (b.d) hit.closed = b.d;
  if (b.r) hit.successor = b.r;
  return hit;
}

/** The hits of a group record: the unit when its names match (with its accounts), else the accounts that match. */
function groupHits(group: GroupData, content: string, query: readonly string[], folded: string, filters: SearchFilters): Hit[] {
  const [unitTokens = [], ...accountTokens] = blocksOf(content, [group.c, ...group.a.map((a) => a.c)]);
  const onPlatform = (b: AccountBlock) => !filters.platform || b.p === filters.platform;
  if (allFound(query, unitTokens) && !filters.platform) {
    const unit: UnitHit = {
      type: 'unit',
      unit: group.u,
      name: group.n,
      kind: group.k,
      group: group.t,
      accounts: group.a.map((b) => accountHit(group, b, folded)),
      closedCount: group.x ?? 0,
    };
    return [unit];
  }
  const hits: AccountHit[] = [];
  group.a.forEach((b, i) => {
    if (onPlatform(b) && allFound(query, [...unitTokens, ...(accountTokens[i] ?? [])])) hits.push(accountHit(group, b, folded));
  });
  return hits.sort((a, b) => Number(b.exact) - Number(a.exact));
}

function impostorHit(data: ImpostorData): ImpostorHit {
  const hit: ImpostorHit = {
    type: 'impostor',
    id: data.i,
    name: data.n,
    platform: data.p,
    imitates: data.m,
    imitatesName: data.mn,
    found: data.f,
  };
  if (data.h) hit.handle = data.h;
  if (data.r) hit.removed = data.r;
  return hit;
}

/** The hits a record gives for the query (none when, narrowed to single accounts, nothing matches as a whole). */
export function recordHits(fragment: PagefindFragment, query: readonly string[], folded: string, filters: SearchFilters = {}): Hit[] {
  const raw = fragment.filters[DATA_FILTER]?.[0];
  if (!raw) return [];
  const data = JSON.parse(raw) as RecordData;
  if (data.t === 'i') return [impostorHit(data)];
  return groupHits(data, fragment.content, query, folded, filters);
}

/** The tiers a status filter keeps. */
function tiersFor(status: SearchFilters['status']): readonly Tier[] {
  if (status === 'active') return ['1'];
  if (status === 'closed') return ['2'];
  if (status === 'impostor') return ['3'];
  return TIERS;
}

/** Searches every tier for all of `tokens`. */
async function searchTiers(pagefind: PagefindApi, tokens: string[], folded: string, filters: SearchFilters): Promise<TierResults[]> {
  const base: Record<string, string> = {};
  if (filters.platform) base[platformFilter(filters.platform)] = FILTER_ON;
  if (filters.kind) base[kindFilter(filters.kind)] = FILTER_ON;
  const term = tokens.join(' ');
  const tiers: TierResults[] = [];
  for (const tier of tiersFor(filters.status)) {
    const response = await pagefind.search(term, { filters: { ...base, [TIER_FILTER]: tier } });
    const results = response?.results ?? [];
    let at = 0;
    tiers.push({
      tier,
      records: results.length,
      get more() {
        return at < results.length;
      },
      async next(count = PAGE_RECORDS) {
        const batch = results.slice(at, at + count);
        at += batch.length;
        const fragments = await Promise.all(batch.map((r) => r.data()));
        return fragments.flatMap((f) => recordHits(f, tokens, folded, filters));
      },
    });
  }
  return tiers;
}

/** The first page of a tier's hits, with the tier to load more from. */
export interface TierPage {
  tier: TierResults;
  hits: Hit[];
}

export interface SearchPage {
  /** The tokens looked for (empty: nothing searchable in the query). */
  tokens: string[];
  /**
   * True when nothing matched the whole query and the hits match all of it but one pair of
   * characters (someone typing 锁南镇发布 for the account named 锁南发布).
   */
  relaxed: boolean;
  /** Official, closed, impostor tiers that have hits, in that order. */
  tiers: TierPage[];
}

/** Loads a tier's first hits: `count` records, and more while narrowing to single accounts leaves none. */
async function firstHits(tier: TierResults, count: number): Promise<Hit[]> {
  const hits = await tier.next(count);
  while (hits.length === 0 && tier.more) hits.push(...(await tier.next()));
  return hits;
}

async function firstPage(pagefind: PagefindApi, tokens: string[], folded: string, filters: SearchFilters): Promise<TierPage[]> {
  const pages: TierPage[] = [];
  for (const tier of await searchTiers(pagefind, tokens, folded, filters)) {
    if (tier.records === 0) continue;
    const hits = await firstHits(tier, FIRST_PAGE[tier.tier]);
    if (hits.length) pages.push({ tier, hits });
  }
  return pages;
}

/**
 * Searches the index for a query as typed and loads the first page of hits of every tier
 * (each record's data is one small download; `tier.next()` loads more). When nothing matches a
 * query of three or more tokens, it retries without one of them, from the middle out, so a
 * slightly wrong guess at a name still finds it; the result says so.
 */
export async function search(pagefind: PagefindApi, query: string, filters: SearchFilters = {}): Promise<SearchPage> {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return { tokens, relaxed: false, tiers: [] };
  const folded = foldText(query).trim();
  const tiers = await firstPage(pagefind, tokens, folded, filters);
  if (tokens.length < 3 || tiers.length > 0) return { tokens, relaxed: false, tiers };
  const middle = (tokens.length - 1) / 2;
  const order = tokens.map((_, i) => i).sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b);
  for (const drop of order) {
    const fewer = tokens.filter((_, i) => i !== drop);
    const retry = await firstPage(pagefind, fewer, folded, filters);
    if (retry.length > 0) return { tokens: fewer, relaxed: true, tiers: retry };
  }
  return { tokens, relaxed: false, tiers: [] };
}
