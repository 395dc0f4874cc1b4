/**
 * The shape of the search index's records, shared by the build (src/site/search-records.ts) and
 * the search page (src/client/search.ts).
 *
 * A phone must not download a large index before its first result, and Pagefind's start-up file
 * grows with the number of records (about 6 bytes each). So accounts are grouped: one record per
 * unit with its accounts in use (tier 1), one per unit with its closed accounts (tier 2), one per
 * impostor (tier 3). A record's content is the search tokens of its blocks in order — the unit's
 * names first, then each account's names and handles — and its data says where each block's
 * tokens are, so the page can show exactly the accounts that match.
 *
 * The data travels as the value of the `d` filter rather than as Pagefind metadata: Pagefind
 * indexes every word of every metadata field, which would put ids, statuses and dates into the
 * word index as very common words; filter values are only stored, and the `d` filter's own file
 * is never downloaded because no search filters on it.
 *
 * No Node imports: this file is bundled into the search page.
 */

/** Filter that carries a record's data (never searched on). */
export const DATA_FILTER = 'd';
/** Filter holding a record's ranking tier. */
export const TIER_FILTER = 'tier';

/** Ranking tiers: official (units and accounts in use), closed accounts, impostors. */
export const TIERS = ['1', '2', '3'] as const;
export type Tier = (typeof TIERS)[number];

/** Filter key that marks records holding an account on a platform (one key per platform keeps each filter file small). */
export function platformFilter(platform: string): string {
  return `p-${platform}`;
}

/** Filter key that marks records of a kind of unit. */
export function kindFilter(kind: string): string {
  return `k-${kind}`;
}

/** Value of the per-platform and per-kind filters. */
export const FILTER_ON = 'y';

/** One account of a group record. */
export interface AccountBlock {
  /** Slug (the account page is `units/<unit>/<slug>/`). */
  s: string;
  /** Name. */
  n: string;
  /** Platform id. */
  p: string;
  /** Handle. */
  h: string;
  /** Status: `active`, `suspended` or `deregistered`. */
  st: 'active' | 'suspended' | 'deregistered';
  /** Number of search tokens of the block. */
  c: number;
  /** Former names. */
  f?: string[];
  /** Day of the closure in force. */
  d?: string;
  /** Successor account id. */
  r?: string;
}

/** A unit with its accounts in use (`t: 'u'`) or its closed accounts (`t: 'c'`). */
export interface GroupData {
  t: 'u' | 'c';
  /** Unit id. */
  u: string;
  /** Unit name. */
  n: string;
  /** Unit kind id. */
  k: string;
  /** Number of search tokens of the unit's own block (its names). */
  c: number;
  /** Accounts in use (`u`) or closed (`c`) accounts of the unit. */
  a: AccountBlock[];
  /** `u` records: number of closed accounts (shown as a hint). */
  x?: number;
}

/** A reported impostor. */
export interface ImpostorData {
  t: 'i';
  /** Impostor id (its entry on the impostors page). */
  i: string;
  /** Name it shows. */
  n: string;
  /** Platform id. */
  p: string;
  /** Its handle, when known. */
  h?: string;
  /** What it imitates: account or unit id. */
  m: string;
  /** Name of what it imitates. */
  mn: string;
  /** Day found. */
  f: string;
  /** Day the platform removed it (absent while online). */
  r?: string;
  /** Number of search tokens. */
  c: number;
}

export type RecordData = GroupData | ImpostorData;
