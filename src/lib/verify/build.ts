/**
 * Builds the verify index from the registry model (at site build time, in the tests and in the
 * benchmark). Every URL, handle, identifier, name and former value of every account (whatever
 * its status), every impostor and every unit name becomes a key; keys go to small JSON shards
 * by a hash of the key (`x…`, exact) or of their name grams (`g…`, names with Chinese
 * characters; see grams.ts), so a lookup fetches one or two small files. The number of shards
 * of each kind is a power of two, doubled until no shard is larger than `shardMaxBytes`, which
 * bounds the bytes of a lookup whatever the data.
 */
import { createHash } from 'node:crypto';
import type { Account, Registry, Unit } from '../model.ts';
import { handleSkeleton, looksLikeUrl, lookupKey, urlKey } from '../../shared/normalize.ts';
import {
  HITS_CAP,
  INDEX_FORMAT,
  NAME_HITS_CAP,
  UNIT_ACCOUNTS_CAP,
  type AccountBrief,
  type AccountRec,
  type Brief,
  type Hit,
  type HitKind,
  type ImpostorRec,
  type PlatformInfo,
  type Rec,
  type Shard,
  type UnitRec,
  type VerifyConfig,
} from '../../shared/verify/format.ts';
import { buildFoldTables } from './fold-build.ts';
import { folderOf } from '../../shared/verify/fold.ts';
import { computeStop, gramAt, gramText, isNameKey, keyGrams, type KeyWeight } from '../../shared/verify/grams.ts';
import { shardFile, shardOf } from '../../shared/verify/hash.ts';

export interface BuildIndexOptions {
  /** Average bytes per exact shard (sets the number of shards). */
  exactShardBytes?: number;
  /** Average bytes per name-gram shard (sets the number of shards). */
  gramShardBytes?: number;
  /**
   * Largest shard: the number of shards of a kind is doubled until no shard is estimated larger,
   * so that the two shards of a lookup stay within the per-lookup budget (50 KB).
   */
  shardMaxBytes?: number;
  /** A gram whose names weigh more than this many bytes is a stop gram. */
  stopBytes?: number;
}

export interface IndexStats {
  /** Keys in the exact index / in the name-gram index. */
  exactKeys: number;
  nameKeys: number;
  exactShards: number;
  gramShards: number;
  stopGrams: number;
  /** Bytes of all shard files, of the exact shards and of the name shards (the name index). */
  totalBytes: number;
  exactBytes: number;
  nameBytes: number;
  /** Largest exact / gram shard, bytes. */
  maxExactBytes: number;
  maxGramBytes: number;
  /** Bytes of the configuration embedded in the page. */
  configBytes: number;
}

export interface VerifyIndex {
  config: VerifyConfig;
  /** Shard file name (without `.json`) → JSON text. */
  files: Map<string, string>;
  stats: IndexStats;
}

interface Posting {
  kind: HitKind;
  rec: Rec;
}

/** Order of hits in a list (kept first when a list is cut). */
const KIND_ORDER: Record<HitKind, number> = { page: 0, filing: 0, url: 0, ident: 1, handle: 2, name: 3, fname: 4, fhandle: 5, uname: 6 };
const REC_ORDER: Record<string, number> = { i: 0, active: 1, suspended: 2, deregistered: 3, u: 4 };

function recOrder(rec: Rec): number {
  return rec.t === 'a' ? REC_ORDER[rec.s]! : REC_ORDER[rec.t]!;
}

/** No more shards of one kind than this (a static host lists them all). */
const MAX_SHARDS = 1 << 17;

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function brief(a: Account): AccountBrief {
  const b: AccountBrief = { id: a.id, n: a.name, p: a.platform, h: a.handle, s: a.status };
  if (a.url) b.l = a.url;
  return b;
}

/** The successor of a closed account: the declared one, or the unit's latest active account opened later on the same platform. */
function successorOf(a: Account, registry: Registry): Account | undefined {
  if (a.status === 'active') return undefined;
  if (a.successor) return registry.accountById.get(a.successor);
  const later = (registry.accountsByUnit.get(a.unit) ?? []).filter(
    (b) => b.id !== a.id && b.platform === a.platform && b.status === 'active' && b.opened >= a.opened,
  );
  return later.sort((x, y) => (x.opened < y.opened ? 1 : x.opened > y.opened ? -1 : 0))[0];
}

function accountRec(a: Account, unit: Unit | undefined, registry: Registry): AccountRec {
  const rec: AccountRec = { t: 'a', id: a.id, n: a.name, p: a.platform, h: a.handle, s: a.status, o: a.opened, u: unit?.name ?? a.unit };
  if (a.closed) rec.c = a.closed;
  if (a.closureNotice) rec.x = a.closureNotice;
  const successor = successorOf(a, registry);
  if (successor) rec.su = brief(successor);
  if (a.url) rec.l = a.url;
  if (a.verified_as === null) rec.nv = true;
  else if (a.verified_as !== rec.u) rec.v = a.verified_as;
  if (a.formerNames.length > 0) rec.fn = a.formerNames.map((f) => [f.value, f.until]);
  if (a.formerHandles.length > 0) rec.fh = a.formerHandles.map((f) => [f.value, f.until]);
  if (a.filing_number) rec.b = a.filing_number;
  const last = a.events[a.events.length - 1];
  if (a.events.length > 1 && last) rec.lc = last.date;
  return rec;
}

function unitRec(u: Unit, registry: Registry): UnitRec {
  const active = (registry.accountsByUnit.get(u.id) ?? []).filter((a) => a.status === 'active');
  const rec: UnitRec = { t: 'u', id: u.id, n: u.name, a: active.slice(0, UNIT_ACCOUNTS_CAP).map(brief), k: active.length };
  if (u.short_name) rec.sn = u.short_name;
  return rec;
}

/** The configuration part that does not depend on the shards. */
function baseConfig(registry: Registry): Omit<VerifyConfig, 'version' | 'exact' | 'grams' | 'stop'> {
  const platforms: PlatformInfo[] = registry.platforms.map((p) => ({
    id: p.id,
    name: p.name,
    handle_label: p.handle_label,
    hosts: p.hosts,
    url_forms: p.url_forms,
    identity_params: p.identity_params,
  }));
  const { office } = registry.site;
  return {
    format: INDEX_FORMAT,
    platforms,
    office: {
      name: office.name,
      ...(office.phone ? { phone: office.phone } : {}),
      ...(office.email ? { email: office.email } : {}),
      ...(office.address ? { address: office.address } : {}),
      ...(office.report_url ? { report_url: office.report_url } : {}),
    },
    region: registry.site.region.name,
    regionCode: registry.site.region.code,
    ...(registry.site.url ? { sites: [registry.site.url] } : {}),
    asOf: registry.asOf,
    sample: registry.site.sample,
  };
}

/** Builds the verify index of a registry. */
export function buildVerifyIndex(registry: Registry, options: BuildIndexOptions = {}): VerifyIndex {
  const exactShardBytes = options.exactShardBytes ?? 12_000;
  const gramShardBytes = options.gramShardBytes ?? 8_000;
  const shardMaxBytes = options.shardMaxBytes ?? 22_000;
  const stopBytes = options.stopBytes ?? 6_000;
  const platforms = registry.platforms;

  const exact = new Map<string, Posting[]>();
  /** Handle skeletons (`h:~…`): held in brief in the exact shards, for look-alike handles only. */
  const skeletons = new Map<string, Posting[]>();
  /**
   * Account pages (`a:<id>`) and filing numbers (`n:<number>`): held in brief, pointing at the
   * account's handle key, whose shard holds the account in full (a second request); in full
   * where that cannot work (a handle key of the name index, a cut handle list).
   */
  const pointers = new Map<string, Posting[]>();
  const names = new Map<string, Posting[]>();
  const add = (table: Map<string, Posting[]>, key: string, posting: Posting) => {
    let list = table.get(key);
    if (!list) table.set(key, (list = []));
    if (!list.some((p) => p.kind === posting.kind && p.rec === posting.rec)) list.push(posting);
  };
  /** A handle, identifier or name: by name grams when it has Chinese characters, else exact. */
  const addText = (text: string, kind: HitKind, rec: Rec) => {
    const key = lookupKey(text);
    if (!key) return;
    if (isNameKey(key)) add(names, key, { kind, rec });
    else add(exact, `h:${key}`, { kind, rec });
  };
  /** A handle's skeleton (`~<skeleton>`), where look-alike handles (`dxjy_2O18`) find it. */
  const addHandleSkeleton = (text: string, kind: HitKind, rec: Rec) => {
    const key = lookupKey(text);
    if (key && !isNameKey(key)) add(skeletons, `h:~${handleSkeleton(key)}`, { kind, rec });
  };
  const addUrl = (text: string, kind: HitKind, rec: Rec) => {
    const key = urlKey(text, platforms);
    if (key !== null) add(exact, `u:${key}`, { kind, rec });
  };

  const accountRecs = new Map<string, AccountRec>();
  for (const a of registry.accounts) {
    const rec = accountRec(a, registry.unitById.get(a.unit), registry);
    accountRecs.set(a.id, rec);
    add(pointers, `a:${a.id}`, { kind: 'page', rec });
    if (a.filing_number) add(pointers, `n:${a.filing_number}`, { kind: 'filing', rec });
    if (a.url) addUrl(a.url, 'url', rec);
    addText(a.handle, 'handle', rec);
    addHandleSkeleton(a.handle, 'handle', rec);
    for (const id of a.identifiers) {
      if (looksLikeUrl(id)) addUrl(id, 'ident', rec);
      else addText(id, 'ident', rec);
    }
    for (const f of a.formerHandles) addText(f.value, 'fhandle', rec);
    addText(a.name, 'name', rec);
    for (const f of a.formerNames) addText(f.value, 'fname', rec);
  }
  const unitRecs = new Map<string, UnitRec>();
  for (const u of registry.units) {
    const rec = unitRec(u, registry);
    unitRecs.set(u.id, rec);
    for (const name of new Set([u.name, u.short_name, ...u.aliases])) if (name) addText(name, 'uname', rec);
  }
  for (const imp of registry.impostors) {
    const target = registry.accountById.get(imp.imitates);
    const im = target ? brief(target) : (unitRecs.get(imp.imitates) ?? { t: 'u' as const, id: imp.imitates, n: imp.imitates, a: [], k: 0 });
    const rec: ImpostorRec = { t: 'i', id: imp.id, n: imp.name, p: imp.platform, f: imp.found, im };
    if (imp.handle !== null) rec.h = imp.handle;
    if (imp.url !== null) rec.l = imp.url;
    if (imp.reported) rec.r = imp.reported;
    if (imp.removed) rec.m = imp.removed;
    if (imp.url !== null) addUrl(imp.url, 'url', rec);
    if (imp.handle !== null) addText(imp.handle, 'handle', rec);
    addText(imp.name, 'name', rec);
  }

  // Bytes a key adds to a shard: the key, its hits and their records (shared records counted
  // in full, as in a shard that holds the key alone), in full or in brief.
  const recBytes = new Map<Rec, number>();
  const briefs = new Map<Rec, Brief>();
  const briefOf = (rec: Rec) => {
    let b = briefs.get(rec);
    if (!b) briefs.set(rec, (b = toBrief(rec)));
    return b;
  };
  const weigh = (key: string, list: readonly Posting[], full: boolean, cap = HITS_CAP) => {
    let bytes = key.length * 3 + 8;
    for (const p of list.slice(0, cap)) {
      let b = full ? recBytes.get(p.rec) : undefined;
      if (b === undefined) {
        b = utf8Length(JSON.stringify(full ? p.rec : briefOf(p.rec)));
        if (full) recBytes.set(p.rec, b);
      }
      bytes += b + 12;
    }
    return bytes;
  };
  for (const [key, list] of pointers) {
    const direct = list.some((p) => {
      if (p.rec.t !== 'a') return true;
      const handleKey = lookupKey(p.rec.h);
      return !handleKey || isNameKey(handleKey) || (exact.get(`h:${handleKey}`)?.length ?? 0) > HITS_CAP;
    });
    if (direct) {
      exact.set(key, list);
      pointers.delete(key);
    } else skeletons.set(key, list);
  }
  const nameWeights = new Map<string, KeyWeight>();
  for (const [key, list] of names)
    nameWeights.set(key, { full: weigh(key, list, true, NAME_HITS_CAP), brief: weigh(key, list, false, NAME_HITS_CAP) });
  const foldTables = buildFoldTables(new Set([...names.keys()].flatMap((key) => Array.from(key))));
  const fold = folderOf(foldTables).fold;
  const stop = computeStop(nameWeights, stopBytes, fold);

  // A name's full entry goes to the shard of its first gram, unless that gram is terminal (the
  // whole core of the name is shared by many names, like 长原 in 长原发布, 长原在线…): then it
  // goes to the exact index under `h:<key>`, which a lookup of such a name fetches instead.
  const homeOf = new Map<string, string | null>();
  const gramsOf = new Map<string, string[]>();
  let nameBytes = 0;
  for (const [key, w] of nameWeights) {
    const first = gramAt(Array.from(gramText(key, fold)), 0, stop);
    const home = first.terminal ? null : first.gram;
    const grams = keyGrams(key, stop, fold).filter((g) => g !== home);
    homeOf.set(key, home);
    gramsOf.set(key, grams);
    nameBytes += (home === null ? 0 : w.full) + grams.length * w.brief;
    if (home === null) exact.set(`h:${key}`, names.get(key)!);
  }
  const nameInExact = new Set([...homeOf].filter(([, home]) => home === null).map(([key]) => `h:${key}`));
  const capOf = (key: string) => (nameInExact.has(key) ? NAME_HITS_CAP : HITS_CAP);
  const exactWeights = [
    ...[...exact].map(([key, list]) => [key, weigh(key, list, true, capOf(key))] as const),
    ...[...skeletons].map(([key, list]) => [key, weigh(key, list, false, NAME_HITS_CAP)] as const),
  ];
  const exactBytes = exactWeights.reduce((n, [, w]) => n + w, 0);

  /** The estimated size of the largest shard with `count` shards. */
  const largestShard = (count: number, kind: 'x' | 'g') => {
    const bytes = new Float64Array(count);
    if (kind === 'x') {
      for (const [key, w] of exactWeights) bytes[shardOf(key, count)]! += w;
    } else {
      for (const [key, w] of nameWeights) {
        const home = homeOf.get(key);
        const homeShard = home === null || home === undefined ? -1 : shardOf(home, count);
        if (homeShard >= 0) bytes[homeShard]! += w.full;
        const others = new Set(gramsOf.get(key)!.map((g) => shardOf(g, count)));
        others.delete(homeShard);
        for (const i of others) bytes[i]! += w.brief;
      }
    }
    let max = 0;
    for (const b of bytes) if (b > max) max = b;
    return max;
  };
  let exactCount = nextPowerOfTwo(Math.max(1, Math.ceil(exactBytes / exactShardBytes)));
  while (exactCount < MAX_SHARDS && largestShard(exactCount, 'x') > shardMaxBytes) exactCount *= 2;
  let gramCount = nextPowerOfTwo(Math.max(1, Math.ceil(nameBytes / gramShardBytes)));
  while (gramCount < MAX_SHARDS && largestShard(gramCount, 'g') > shardMaxBytes) gramCount *= 2;

  const exactShards = Array.from({ length: exactCount }, () => new Map<string, Posting[]>());
  for (const [key, list] of exact) exactShards[shardOf(key, exactCount)]!.set(key, list);
  const skeletonShards = Array.from({ length: exactCount }, () => new Map<string, Posting[]>());
  for (const [key, list] of skeletons) skeletonShards[shardOf(key, exactCount)]!.set(key, list);
  const nameShards = Array.from({ length: gramCount }, () => ({ full: new Map<string, Posting[]>(), brief: new Map<string, Posting[]>() }));
  for (const [key, list] of names) {
    const home = homeOf.get(key);
    const homeShard = home === null || home === undefined ? -1 : shardOf(home, gramCount);
    if (homeShard >= 0) nameShards[homeShard]!.full.set(key, list);
    for (const gram of gramsOf.get(key)!) {
      const i = shardOf(gram, gramCount);
      if (i !== homeShard) nameShards[i]!.brief.set(key, list);
    }
  }

  const files = new Map<string, string>();
  const stats = { totalBytes: 0, exactBytes: 0, nameBytes: 0, maxExactBytes: 0, maxGramBytes: 0 };
  const write = (kind: 'x' | 'g', i: number, shard: Shard) => {
    const text = JSON.stringify(shard);
    files.set(shardFile(kind, i), text);
    const bytes = utf8Length(text);
    stats.totalBytes += bytes;
    if (kind === 'x') {
      stats.exactBytes += bytes;
      stats.maxExactBytes = Math.max(stats.maxExactBytes, bytes);
    } else {
      stats.nameBytes += bytes;
      stats.maxGramBytes = Math.max(stats.maxGramBytes, bytes);
    }
  };
  exactShards.forEach((entries, i) =>
    write('x', i, { ...serialiseShard(entries, capOf), ...serialiseBriefs(skeletonShards[i]!, briefOf) }),
  );
  nameShards.forEach((entries, i) =>
    write('g', i, { ...serialiseShard(entries.full, () => NAME_HITS_CAP), ...serialiseBriefs(entries.brief, briefOf) }),
  );

  const partial = { ...baseConfig(registry), exact: exactCount, grams: gramCount, stop: [...stop].sort(), fold: foldTables };
  const hash = createHash('sha256').update(JSON.stringify(partial));
  for (const [name, text] of files) hash.update(`\n${name}\n`).update(text);
  const config: VerifyConfig = { ...partial, version: hash.digest('hex').slice(0, 12) };
  return {
    config,
    files,
    stats: {
      exactKeys: exact.size + skeletons.size,
      nameKeys: names.size,
      exactShards: exactCount,
      gramShards: gramCount,
      stopGrams: stop.size,
      ...stats,
      configBytes: utf8Length(JSON.stringify(config)),
    },
  };
}

function sortPostings(list: readonly Posting[]): Posting[] {
  return [...list].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || recOrder(a.rec) - recOrder(b.rec));
}

/** A record in brief. */
function toBrief(rec: Rec): Brief {
  if (rec.t === 'u') return ['u', rec.id, rec.n];
  if (rec.t === 'i') return rec.h ? ['i', rec.id, rec.n, rec.p, rec.h] : ['i', rec.id, rec.n, rec.p];
  return ['a', rec.id, rec.n, rec.p, rec.h, rec.s];
}

/** The brief part of a name shard: records in brief and the keys that point at them. */
function serialiseBriefs(entries: Map<string, Posting[]>, briefOf: (rec: Rec) => Brief): Pick<Shard, 'b' | 'c'> {
  if (entries.size === 0) return {};
  const b: Brief[] = [];
  const index = new Map<Rec, number>();
  const c: Record<string, [HitKind, number][]> = {};
  for (const key of [...entries.keys()].sort()) {
    c[key] = sortPostings(entries.get(key)!)
      .slice(0, NAME_HITS_CAP)
      .map((p) => {
        let i = index.get(p.rec);
        if (i === undefined) {
          i = b.length;
          b.push(briefOf(p.rec));
          index.set(p.rec, i);
        }
        return [p.kind, i];
      });
  }
  return { b, c };
}

/** One shard's JSON: records numbered in order of first use, hit lists sorted and cut. */
function serialiseShard(entries: Map<string, Posting[]>, capOf: (key: string) => number): Shard {
  const recs: Rec[] = [];
  const index = new Map<Rec, number>();
  const k: Record<string, Hit[]> = {};
  const t: Record<string, number> = {};
  const keys = [...entries.keys()].sort();
  for (const key of keys) {
    const list = sortPostings(entries.get(key)!);
    const cap = capOf(key);
    if (list.length > cap) t[key] = list.length;
    k[key] = list.slice(0, cap).map((p) => {
      let i = index.get(p.rec);
      if (i === undefined) {
        i = recs.length;
        recs.push(p.rec);
        index.set(p.rec, i);
      }
      return [p.kind, i];
    });
  }
  return Object.keys(t).length > 0 ? { r: recs, k, t } : { r: recs, k };
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
