/**
 * The verify index as published: the configuration embedded in the verify page and the shard
 * files under `/verify/<version>/`. Field names are short because every byte is fetched by a
 * phone; each is documented here. Built by `build.ts`, read by `lookup.ts` (browser, tests,
 * benchmark).
 */
import type { PlatformUrlInfo } from '../normalize.ts';
import type { FoldTables } from './fold.ts';

/** Bumped when the shape of the files changes. */
export const INDEX_FORMAT = 1;

/** Account status codes (`Account.status`). */
export type Status = 'active' | 'suspended' | 'deregistered';

/** A registered account as the verify page shows it. */
export interface AccountRec {
  t: 'a';
  /** Account id `unit/slug` (its registry page is `/units/<id>/`). */
  id: string;
  /** Current name. */
  n: string;
  /** Platform id. */
  p: string;
  /** Handle. */
  h: string;
  s: Status;
  /** Opened on. */
  o: string;
  /** Closed (suspended or deregistered) on. */
  c?: string;
  /** Closure notice URL. */
  x?: string;
  /** Successor account (declared, or the unit's later account on the same platform). */
  su?: AccountBrief;
  /** Unit name. */
  u: string;
  /** Public URL. */
  l?: string;
  /** Verification subject shown on the platform, when it is not the unit name `u`; absent when it is. */
  v?: string;
  /** Not verified on the platform. */
  nv?: true;
  /** Former names: [name, last day]. */
  fn?: [string, string][];
  /** Former handles: [handle, last day]. */
  fh?: [string, string][];
  /** Filing number (备案编号). */
  b?: string;
  /** Day of the last change after opening (rename, new handle, suspension…), when there was one. */
  lc?: string;
}

/** An account in a list (successor, imitated account, a unit's accounts). */
export interface AccountBrief {
  id: string;
  n: string;
  p: string;
  h: string;
  s: Status;
  l?: string;
}

/** A reported impostor. */
export interface ImpostorRec {
  t: 'i';
  /** Impostor file id. */
  id: string;
  n: string;
  p: string;
  h?: string;
  l?: string;
  /** Found on. */
  f: string;
  /** Reported to the platform on. */
  r?: string;
  /** Removed by the platform on. */
  m?: string;
  /** The official account, or unit, it imitates. */
  im: AccountBrief | UnitRec;
}

/** A unit, for queries that name a unit rather than an account. */
export interface UnitRec {
  t: 'u';
  id: string;
  n: string;
  /** Short name. */
  sn?: string;
  /** Active accounts (at most `UNIT_ACCOUNTS_CAP`). */
  a: AccountBrief[];
  /** Number of active accounts. */
  k: number;
}

export type Rec = AccountRec | ImpostorRec | UnitRec;

/**
 * How a key belongs to a record: `url` account URL · `ident` other identifier (original ID, QR
 * payload…) · `handle` · `fhandle` former handle · `name` · `fname` former name · `uname` unit
 * name, short name or alias · `filing` filing number (key `n:<number>`) · `page` the account's
 * page on this site (key `a:<account id>`). Impostor records use `url`, `handle` and `name`.
 */
export type HitKind = 'url' | 'ident' | 'handle' | 'fhandle' | 'name' | 'fname' | 'uname' | 'filing' | 'page';

/** [how, index into the shard's records]. */
export type Hit = [HitKind, number];

/**
 * A record in brief, for listing look-alikes: `[type, id, name, platform, handle, status]`
 * (`type` `a` account, `i` impostor, `u` unit; a unit has no platform, handle or status).
 */
export type Brief = [type: 'a' | 'i' | 'u', id: string, name: string, platform?: string, handle?: string, status?: Status];

/**
 * One shard file. Exact shards (`x…`) hold links, handles and other keys without Chinese
 * characters in full, and the names whose whole core is a common one (长原 of 长原发布). Name
 * shards (`g…`, one per gram hash) hold in full the other names whose skeleton starts with one of
 * their grams (so a name and its padded variants are in the shard of their first gram), and in
 * brief every name containing one of their grams.
 */
export interface Shard {
  /** Records referenced by `k`. */
  r: Rec[];
  /** Normalised key → hits. Keys of the exact index are `u:<url key>` or `h:<lookup key>`; name keys are bare. */
  k: Record<string, Hit[]>;
  /** Keys whose hit list was cut, with their full count. */
  t?: Record<string, number>;
  /** Name shards: records in brief, referenced by `c`. */
  b?: Brief[];
  /** Name shards: name key → [how, index into `b`] for names held in brief. */
  c?: Record<string, [HitKind, number][]>;
}

/** Platform details the page needs: URL folding (normaliser) and display. */
export interface PlatformInfo extends PlatformUrlInfo {
  name: string;
  /** What the platform calls a handle (微信号…). */
  handle_label: string;
}

/** The office that receives impostor reports (public contacts from site.yaml). */
export interface OfficeInfo {
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  report_url?: string;
}

/** Everything the verify page needs besides the shards; embedded in the page. */
export interface VerifyConfig {
  format: number;
  /** Content hash of the index: shards live under `/verify/<version>/`. */
  version: string;
  /** Number of exact shards (a power of two). */
  exact: number;
  /** Number of name-gram shards (a power of two). */
  grams: number;
  /** Grams too common to index on their own: a longer gram is used instead. */
  stop: string[];
  platforms: PlatformInfo[];
  office: OfficeInfo;
  /** Region name (东乡族自治县): the registry covers its accounts only. */
  region: string;
  /** Data as of. */
  asOf: string;
  /** The data is a sample. */
  sample: boolean;
  /** The site's configured public address (`site.yaml` `url`): its own account links name accounts. */
  sites?: string[];
  /** Region code (行政区划代码), the first part of every filing number. */
  regionCode?: string;
  /** Homophone and 形近字 tables for the characters of registered names (fold.ts). */
  fold?: FoldTables;
}

/** Hits kept per key; longer lists are cut (the count is kept). */
export const HITS_CAP = 20;
/** Hits kept in full per name key (a name many accounts share lists some of them; handles and links tell them apart). */
export const NAME_HITS_CAP = 8;
/** Active accounts listed per unit record. */
export const UNIT_ACCOUNTS_CAP = 8;
