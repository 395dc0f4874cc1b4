/**
 * The lookup: query → verdict (`Verdict`, the verify page's `data-verdict`: test/browser/verify.test.ts).
 * Runs in the browser (src/client/verify.ts), in the tests and in the benchmark, with a `Fetcher`
 * that returns a shard by file name. At most two shards are fetched per lookup: one exact shard for
 * a link or handle (plus one more for a bare host or a handle with padding such as `_gf`); for a
 * name, the shards of at most two name grams, or, when the name's whole core is a common one, its
 * exact shard and the shard of that core.
 */
import type { AccountBrief, AccountRec, Brief, Hit, HitKind, Rec, Shard, Status, UnitRec, VerifyConfig } from './format.ts';
import { folderOf, type CharDiff, type Folder } from './fold.ts';
import { anchors, gramAt, gramText } from './grams.ts';
import { shardFile, shardOf } from './hash.ts';
import { handleSkeleton, lookupKey } from '../normalize.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { similarity, type Resemblance } from './similarity.ts';

/** Fetches one shard by file name (`x1f`, `g3a`). */
export type Fetcher = (file: string) => Promise<Shard>;

/** What the lookup concludes: the verify page's `data-verdict` (src/client/verify.ts). */
export type Verdict = 'official' | 'former' | 'closed' | 'impostor' | 'lookalike' | 'unknown';

/** A key of the index that equals the query, and a record it belongs to. */
export interface Match {
  kind: HitKind;
  rec: Rec;
}

/** A registered account, unit or impostor the query resembles. */
export interface Lookalike {
  type: 'account' | 'impostor' | 'unit';
  /** Account id, impostor id or unit id. */
  id: string;
  /** Its current name. */
  name: string;
  platform?: string;
  handle?: string;
  status?: Status;
  /** The registered name or handle the query resembles (a former name, a unit name…). */
  value: string;
  /** How the value belongs to the record. */
  via: HitKind;
  reason: Resemblance | 'handle-padding' | 'handle-swap' | 'handle-punct';
  score: number;
  /** For homophones and 形近字: which characters were replaced by which. */
  chars?: CharDiff[];
}

function fromAccount(a: AccountRec | AccountBrief, value: string, via: HitKind, reason: Lookalike['reason'], score: number): Lookalike {
  return { type: 'account', id: a.id, name: a.n, platform: a.p, handle: a.h, status: a.s, value, via, reason, score };
}

/** A lookalike from a full record or a brief one. */
function fromRecord(rec: Rec | Brief, value: string, via: HitKind, reason: Lookalike['reason'], score: number): Lookalike {
  if (Array.isArray(rec)) {
    const [t, id, name, platform, handle, status] = rec;
    const type = t === 'a' ? 'account' : t === 'i' ? 'impostor' : 'unit';
    return {
      type,
      id,
      name,
      ...(platform ? { platform } : {}),
      ...(handle ? { handle } : {}),
      ...(status ? { status } : {}),
      value,
      via,
      reason,
      score,
    };
  }
  if (rec.t === 'a') return fromAccount(rec, value, via, reason, score);
  if (rec.t === 'i')
    return { type: 'impostor', id: rec.id, name: rec.n, platform: rec.p, ...(rec.h ? { handle: rec.h } : {}), value, via, reason, score };
  return { type: 'unit', id: rec.id, name: rec.n, value, via, reason, score };
}

/** What can be said about a link without the index. */
export type UrlHint =
  /** The link hides its real host behind `user@`. */
  | 'credentials'
  /** A short link that only the platform can resolve. */
  | 'short-link'
  /** A WeChat article link, which does not say which account published it. */
  | 'article'
  /** A page of a catalogue platform that is not in the registry. */
  | 'platform-page'
  /** A host that imitates a platform's host (`weibo.com.example.cn`). */
  | 'lookalike-host'
  /** Another web site. */
  | 'other-site'
  /** A page of this site that names no account (home page, a list, a unit page). */
  | 'own-site'
  /** An account page address of this site that the registry does not have (removed, mistyped or forged). */
  | 'own-site-missing'
  /** A well-formed filing number that no account has. */
  | 'filing-unknown'
  /** Nothing but spaces or invisible characters. */
  | 'empty'
  /** A short or general name (「东乡」) that many names contain. */
  | 'too-general';

export interface VerifyResult {
  verdict: Verdict;
  query: ParsedQuery;
  /** The record the verdict is about. */
  primary?: Match;
  /** Other records with the same key (the same name on other platforms…). */
  others: Match[];
  /** Number of records with the key when the list was cut. */
  total?: number;
  /** For `lookalike`: what the query resembles, best first. */
  lookalikes: Lookalike[];
  /** A name that equals an official account's only once normalised (traditional, full-width, invisible characters). */
  writtenDifferently: boolean;
  hint?: UrlHint;
  /** Shard files fetched. */
  requests: number;
}

/** Hosts of link shorteners (platform share links and general ones). */
const SHORT_HOSTS = new Set([
  'v.douyin.com',
  'v.kuaishou.com',
  'b23.tv',
  'xhslink.com',
  't.cn',
  'url.cn',
  'dwz.cn',
  'suo.im',
  'v.ixigua.com',
]);

/** Name parts of the platforms' hosts that an imitation host would show (weibo, douyin…). */
function brandsOf(config: VerifyConfig): string[] {
  const brands = new Set<string>();
  for (const p of config.platforms) {
    for (const h of p.hosts) {
      if (h.startsWith('*.')) continue;
      const labels = h.split('.');
      const brand = labels[labels.length - 2];
      if (brand && brand.length >= 4 && brand !== 'apple') brands.add(brand);
    }
  }
  return [...brands];
}

const STRONG: ReadonlySet<HitKind> = new Set(['url', 'ident', 'handle', 'filing', 'page']);

function isActive(rec: Rec): rec is AccountRec {
  return rec.t === 'a' && rec.s === 'active';
}
function isClosed(rec: Rec): rec is AccountRec {
  return rec.t === 'a' && rec.s !== 'active';
}

/** Handle padding impostors add: `_gf`, `official`, `_2`… */
const HANDLE_PADDING = [
  /^(?:gf|guanfang|official|offical|zhengwu)[_.-]?/,
  /[_.-]?(?:gf|guanfang|official|offical|kf|kefu|tz|tongzhi|fuwu|new|v\d?)$/,
  /[_.-]\d{1,3}$/,
];

/** The handle without padding words, or null when there is none. */
export function stripHandlePadding(key: string): string | null {
  let s = key;
  for (let round = 0; round < 3; round++) {
    const before = s;
    for (const re of HANDLE_PADDING) s = s.replace(re, '');
    if (s === before) break;
  }
  return s !== key && s.length >= 3 ? s : null;
}

/** Loads shards once per lookup and counts the files. */
class ShardCache {
  private readonly fetcher: Fetcher;
  readonly files = new Set<string>();
  private readonly pending = new Map<string, Promise<Shard>>();
  constructor(fetcher: Fetcher) {
    this.fetcher = fetcher;
  }
  get(file: string): Promise<Shard> {
    let p = this.pending.get(file);
    if (!p) {
      this.files.add(file);
      p = this.fetcher(file);
      this.pending.set(file, p);
    }
    return p;
  }
}

function hitsOf(shard: Shard, key: string): { matches: Match[]; total?: number } {
  const hits: Hit[] = shard.k[key] ?? [];
  const matches = hits.map(([kind, i]) => ({ kind, rec: shard.r[i]! }));
  const total = shard.t?.[key];
  return total ? { matches, total } : { matches };
}

/** The name as written, for comparing with an official name: spaces removed, Latin lower-cased. */
function written(text: string): string {
  return text.replace(/\s/g, '').toLowerCase();
}

/** Picks the verdict for exact matches. */
function classify(
  all: Match[],
  query: ParsedQuery,
): Pick<VerifyResult, 'verdict' | 'primary' | 'others' | 'lookalikes' | 'writtenDifferently'> {
  // Accounts on the platform a label named (微信号：…) come first.
  const hint = query.platformHint;
  const matches = hint ? [...all].sort((a, b) => Number('p' in b.rec && b.rec.p === hint) - Number('p' in a.rec && a.rec.p === hint)) : all;
  const strong = matches.filter((m) => STRONG.has(m.kind));
  const pick = (verdict: Verdict, primary: Match) => ({
    verdict,
    primary,
    others: matches.filter((m) => m !== primary),
    lookalikes: [],
    writtenDifferently: false,
  });
  const confusable = query.notes.includes('confusable');
  if (strong.length > 0 && !confusable) {
    const impostor = strong.find((m) => m.rec.t === 'i');
    if (impostor) return pick('impostor', impostor);
    const active = strong.find((m) => isActive(m.rec));
    if (active) return pick('official', active);
    const closed = strong.find((m) => isClosed(m.rec));
    if (closed) return pick('closed', closed);
  }
  const formerHandle = matches.find((m) => m.kind === 'fhandle');
  if (formerHandle && !confusable && strong.length === 0) return pick('former', formerHandle);

  const named = matches.filter((m) => m.kind === 'name');
  const activeName = named.find((m) => isActive(m.rec)) ?? (confusable ? strong.find((m) => isActive(m.rec)) : undefined);
  if (activeName) {
    const rec = activeName.rec as AccountRec;
    const differently =
      confusable ||
      query.notes.includes('invisible') ||
      query.notes.includes('fullwidth') ||
      (activeName.kind === 'name' && written(query.display) !== written(rec.n));
    if (!differently) return pick('official', activeName);
    return {
      verdict: 'lookalike',
      primary: activeName,
      others: matches.filter((m) => m !== activeName),
      lookalikes: [fromAccount(rec, activeName.kind === 'name' ? rec.n : rec.h, activeName.kind, 'same-key', 1)],
      writtenDifferently: true,
    };
  }
  const impostorName = named.find((m) => m.rec.t === 'i') ?? (confusable ? strong.find((m) => m.rec.t === 'i') : undefined);
  if (impostorName) return pick('impostor', impostorName);
  const closedName = named.find((m) => isClosed(m.rec)) ?? (confusable ? strong.find((m) => isClosed(m.rec)) : undefined);
  if (closedName) return pick('closed', closedName);
  const formerName = matches.find((m) => m.kind === 'fname') ?? formerHandle;
  if (formerName) return pick('former', formerName);
  const unit = matches.find((m) => m.kind === 'uname');
  if (unit) {
    const rec = unit.rec as UnitRec;
    return {
      verdict: 'lookalike',
      primary: unit,
      others: matches.filter((m) => m !== unit),
      lookalikes: rec.a.map((a) => fromAccount(a, rec.n, 'uname', 'same-key', 0.9)),
      writtenDifferently: false,
    };
  }
  return { verdict: 'unknown', others: [], lookalikes: [], writtenDifferently: false };
}

/** Lookalikes among the keys of fetched name shards (held in full or in brief). */
function rankLookalikes(key: string, shards: Shard[], folder: Folder): Lookalike[] {
  const best = new Map<string, Lookalike>();
  let diffs: CharDiff[] | undefined;
  const push = (l: Lookalike) => {
    if (diffs) l.chars = diffs;
    const id = `${l.type}:${l.id}`;
    const existing = best.get(id);
    if (!existing || l.score > existing.score) best.set(id, l);
  };
  const consider = (candidate: string, hits: readonly [HitKind, number][], recs: readonly (Rec | Brief)[]) => {
    const sim = similarity(key, candidate, folder);
    if (!sim) return;
    diffs = sim.chars;
    for (const [kind, i] of hits) {
      const rec = recs[i]!;
      if (kind === 'uname') {
        if (!Array.isArray(rec) && rec.t === 'u') for (const a of rec.a) push(fromAccount(a, rec.n, kind, sim.reason, sim.score * 0.9));
        else push(fromRecord(rec, candidate, kind, sim.reason, sim.score * 0.9));
      } else if (kind === 'name' || kind === 'fname') {
        const l = fromRecord(rec, candidate, kind, sim.reason, sim.score);
        if (kind === 'name') l.value = l.name;
        if (kind === 'fname') l.score *= 0.85;
        else if (l.status && l.status !== 'active') l.score *= 0.9;
        push(l);
      }
    }
  };
  for (const shard of shards) {
    for (const [candidate, hits] of Object.entries(shard.k)) consider(candidate, hits, shard.r);
    for (const [candidate, hits] of Object.entries(shard.c ?? {})) consider(candidate, hits, shard.b ?? []);
  }
  const rank = (l: Lookalike) => (l.type === 'impostor' ? 1 : 0);
  return [...best.values()]
    .sort((a, b) => rank(a) - rank(b) || b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 12);
}

/** What can be said about a link that is not in the index. */
function urlHint(query: ParsedQuery, config: VerifyConfig): UrlHint | undefined {
  const url = query.url;
  if (!url) return undefined;
  if (url.credentials) return 'credentials';
  if (SHORT_HOSTS.has(url.host)) return 'short-link';
  if (url.platform) {
    if (url.platform.id === 'wechat' && /^mp\.weixin\.qq\.com\/s(\/|$)/.test(url.key)) return 'article';
    return 'platform-page';
  }
  const labels = url.host.split('.');
  if (brandsOf(config).some((b) => labels.some((l) => l.includes(b)))) return 'lookalike-host';
  return 'other-site';
}

/**
 * Whether a name query is too short or general to judge an account by: one or two Chinese
 * characters (东乡, 发布), or the region's own name (东乡族自治县, 东乡县), which many names contain.
 */
export function isGeneral(key: string, config: VerifyConfig): boolean {
  if (!/[^\u0000-\u007f]/.test(key)) return false;
  if (Array.from(key).length <= 2) return true;
  const region = config.region;
  const short = region.replace(/(?:各?族)?自治(县|州|区|旗)$/, '$1');
  return key === region || key === short || key === short.replace(/[县州区旗市]$/, '');
}

/** Longest query looked at (a pasted message may be long; a link or a name is not). */
const MAX_QUERY = 2000;

/**
 * Looks a query up in the index. `here` is the base URL the page is served from (origin and base
 * path): links to this site's own pages there name accounts, like those on the configured address.
 */
export async function verify(
  raw: string,
  config: VerifyConfig,
  fetcher: Fetcher,
  here?: string,
  /** `issued`: the poster issue date of the page address (`/verify/?q=…&issued=YYYY-MM-DD`). */
  context: { issued?: string } = {},
): Promise<VerifyResult> {
  const sites = [...(config.sites ?? []), ...(here ? [here] : [])];
  const parsed = parseQuery(raw.slice(0, MAX_QUERY), config.platforms, sites);
  const issued = context.issued && /^\d{4}-\d{2}-\d{2}$/.test(context.issued) ? context.issued : undefined;
  const query = issued && !parsed.issued ? { ...parsed, issued } : parsed;
  const cache = new ShardCache(fetcher);
  const done = (partial: Omit<VerifyResult, 'query' | 'requests'>): VerifyResult => ({ ...partial, query, requests: cache.files.size });
  const exactShard = (key: string) => cache.get(shardFile('x', shardOf(key, config.exact)));

  if (query.url && query.url.credentials) {
    return done({ verdict: 'unknown', others: [], lookalikes: [], writtenDifferently: false, hint: 'credentials' });
  }

  const nothing = (): Omit<VerifyResult, 'query' | 'requests'> => ({
    verdict: 'unknown',
    others: [],
    lookalikes: [],
    writtenDifferently: false,
  });
  let matches: Match[] = [];
  let total: number | undefined;
  const collect = (shard: Shard, key: string) => {
    const found = hitsOf(shard, key);
    matches = matches.concat(found.matches);
    if (found.total) total = (total ?? 0) + found.total;
  };

  if (!query.display && !query.key) return done({ ...nothing(), hint: 'empty' });

  /**
   * The accounts of a page or filing-number key: in full in its shard, or in brief there and in
   * full in the shard of the account's handle (one more request).
   */
  const pointed = async (key: string): Promise<Match[]> => {
    const shard = await exactShard(key);
    const full = hitsOf(shard, key).matches;
    if (full.length > 0) return full;
    const out: Match[] = [];
    for (const [kind, i] of shard.c?.[key] ?? []) {
      const b = shard.b?.[i];
      if (!b || b[0] !== 'a') continue;
      const handleKey = `h:${lookupKey(b[4] ?? '')}`;
      const rec = hitsOf(await exactShard(handleKey), handleKey).matches.find((m) => m.rec.t === 'a' && m.rec.id === b[1])?.rec;
      if (rec) out.push({ kind, rec });
    }
    return out;
  };

  if (query.site) {
    if (query.site.kind !== 'account') return done({ ...nothing(), hint: 'own-site' });
    matches = await pointed(`a:${query.site.account}`);
    if (matches.length > 0) return done(classify(matches, query));
    return done({ ...nothing(), hint: 'own-site-missing' });
  }

  if (query.filing) {
    matches = await pointed(`n:${query.filing}`);
    // Fourteen bare digits that are no filing number may be a numeric account ID.
    if (matches.length === 0 && query.key) collect(await exactShard(`h:${query.key}`), `h:${query.key}`);
    if (matches.length > 0) return done({ ...classify(matches, query), ...(total ? { total } : {}) });
    return done({ ...nothing(), hint: 'filing-unknown' });
  }

  if (query.url) {
    const keys = [`u:${query.url.key}`];
    if (query.url.ambiguous && query.key) keys.push(`h:${query.key}`);
    const shards = await Promise.all(keys.map(exactShard));
    shards.forEach((shard, i) => collect(shard, keys[i]!));
    if (matches.length > 0) return done({ ...classify(matches, query), ...(total ? { total } : {}) });
    return done({ verdict: 'unknown', others: [], lookalikes: [], writtenDifferently: false, hint: urlHint(query, config) });
  }

  const key = query.key ?? '';
  if (!key) return done({ ...nothing(), hint: 'empty' });
  const general = isGeneral(key, config);
  if (general && !query.byName) return done({ ...nothing(), hint: 'too-general' });

  if (!query.byName) {
    collect(await exactShard(`h:${key}`), `h:${key}`);
    if (matches.length > 0) return done({ ...classify(matches, query), ...(total ? { total } : {}) });
    // Look-alike handles: padding (`_gf`), inserted separators, swapped 0/o, 1/l, rn/m.
    const unpadded = stripHandlePadding(key);
    const skeletonKey = `h:~${handleSkeleton(unpadded ?? key)}`;
    const skeletonShard = await exactShard(skeletonKey);
    const bare = (h: string) => h.replace(/[-_.]/g, '');
    const lookalikes: Lookalike[] = [];
    for (const [kind, i] of skeletonShard.c?.[skeletonKey] ?? []) {
      const b = skeletonShard.b?.[i];
      if (!b || b[0] !== 'a' || (kind !== 'handle' && kind !== 'ident')) continue;
      const h = (b[4] ?? '').toLowerCase();
      const reason: Lookalike['reason'] =
        unpadded === h
          ? 'handle-padding'
          : bare(key) === bare(h)
            ? 'handle-punct'
            : unpadded && bare(unpadded) === bare(h)
              ? 'handle-padding'
              : 'handle-swap';
      lookalikes.push(fromRecord(b, b[4] ?? '', kind, reason, 0.9));
    }
    if (lookalikes.length > 0) return done({ verdict: 'lookalike', others: [], lookalikes, writtenDifferently: false });
    return done({ verdict: 'unknown', others: [], lookalikes: [], writtenDifferently: false });
  }

  const stop = new Set(config.stop);
  const folder = folderOf(config.fold);
  const first = gramAt(Array.from(gramText(key, folder.fold)), 0, stop);
  let shards: Shard[];
  if (first.terminal) {
    // The whole core of the name is common (长原 of 长原发布): the name is held in full in the
    // exact index, its look-alikes in brief in the shard of that core.
    const [x, g] = await Promise.all([exactShard(`h:${key}`), cache.get(shardFile('g', shardOf(first.gram, config.grams)))]);
    collect(x, `h:${key}`);
    shards = [g];
  } else {
    const files = [...new Set(anchors(key, stop, folder.fold).map((gram) => shardFile('g', shardOf(gram, config.grams))))];
    shards = await Promise.all(files.map((f) => cache.get(f)));
    const home = shards.find((shard) => shard.k[key]);
    if (home) collect(home, key);
  }
  if (matches.length > 0) {
    const result = classify(matches, query);
    if (result.verdict !== 'unknown') return done({ ...result, ...(total ? { total } : {}) });
  }
  const lookalikes = rankLookalikes(key, shards, folder);
  if (general) return done({ ...nothing(), lookalikes, hint: 'too-general' });
  if (lookalikes.length > 0) return done({ verdict: 'lookalike', others: [], lookalikes, writtenDifferently: false });
  return done({ verdict: 'unknown', others: [], lookalikes: [], writtenDifferently: false });
}
