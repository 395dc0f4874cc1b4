/**
 * What a citizen pasted, typed or scanned, taken apart: a link (found inside share text such as
 * "复制打开抖音… https://v.douyin.com/…"), a handle (with labels such as 微信号： removed), or a
 * name; and what the shared normaliser had to change to read it (invisible characters, full-width
 * forms, traditional characters, look-alike letters, tracking parameters).
 */
import {
  filingNumberKey,
  foldConfusables,
  lookupKey,
  normalizeName,
  normalizeText,
  parseWebUrl,
  platformOfHost,
  stripInvisible,
  toSimplified,
  urlKey,
} from '../normalize.ts';
import type { PlatformInfo } from './format.ts';
import { isNameKey } from './grams.ts';
import { ownSiteTarget, type SiteTarget } from './site-urls.ts';

/** Something the normaliser changed in the query, worth telling the user. */
export type QueryNote =
  /** Invisible or bidi control characters were removed. */
  | 'invisible'
  /** Full-width or other compatibility forms were folded. */
  | 'fullwidth'
  /** Traditional or variant characters were simplified. */
  | 'traditional'
  /** Cyrillic or Greek look-alike letters were read as Latin ones. */
  | 'confusable'
  /** The link was taken out of longer text. */
  | 'extracted'
  /** Tracking parameters were dropped from the link. */
  | 'tracking'
  /** A label such as 微信号： was removed. */
  | 'label';

export interface ParsedUrl {
  /** Lookup key (`weibo.com/u/1`). */
  key: string;
  /** Canonical form (`https://weibo.com/u/1`). */
  canonical: string;
  /** Host as written, lower-case, without `www.`. */
  host: string;
  /** The catalogue platform of the host, if any. */
  platform?: PlatformInfo;
  /** The text looked like a bare host or package name (`cn.gov.x.app`): also try it as a handle. */
  ambiguous: boolean;
  /** Credentials before `@` (`https://weibo.com@evil.cn/`): the link really opens the host after `@`. */
  credentials: boolean;
}

export interface ParsedQuery {
  /** The text as given. */
  raw: string;
  /** Trimmed text with invisible characters removed (what to show back). */
  display: string;
  url?: ParsedUrl;
  /** Lookup key for the handle / name reading of the text (absent for a link). */
  key?: string;
  /** The key is looked up by name grams (it has Chinese characters). */
  byName: boolean;
  /** The platform a label named (微信号： → wechat): its accounts are listed first. */
  platformHint?: string;
  /** A filing number (备案编号) in its registered form, however it was written. */
  filing?: string;
  /** What an address of this site names (an account page, a form, a poster's verify link…). */
  site?: Exclude<SiteTarget, { kind: 'query' }>;
  /** The issue date a poster's verify link carries (`issued=`). */
  issued?: string;
  notes: QueryNote[];
}

/** Labels people copy along with a handle. */
const LABEL_RE =
  /^(?:微信号|公众号|原始\s*id|抖音号|快手号|微博\s*uid|微博号|微博|uid|小红书号|头条号|视频号\s*id|视频号|appid|b站\s*uid|账号\s*id|账号|帐号|id)\s*[:：]?\s*(?=[\x21-\x7e]+$)/i;

/** Full-width Latin letters and digits (Ａ, ｂ, ３): how a copied handle or name may be disguised. */
const FULL_WIDTH_RE = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

/** The platform each label belongs to. */
const LABEL_PLATFORMS: readonly [RegExp, string][] = [
  [/^(?:微信号|公众号|原始)/, 'wechat'],
  [/^抖音/, 'douyin'],
  [/^快手/, 'kuaishou'],
  [/^微博/, 'weibo'],
  [/^小红书/, 'xiaohongshu'],
  [/^头条/, 'toutiao'],
  [/^视频号/, 'channels'],
  [/^appid/i, 'miniprogram'],
  [/^b站/i, 'bilibili'],
];

/** A link inside longer text. */
const EMBEDDED_URL_RE = /https?:\/\/[\x21-\x7e]+/i;

/** Query parameters the URL key keeps (identity parameters of the catalogue). */
function dropsTracking(url: URL, platform: PlatformInfo | undefined): boolean {
  const keep = new Set(platform?.identity_params ?? []);
  return [...url.searchParams.keys()].some((k) => !keep.has(k));
}

/**
 * Takes a query apart; `platforms` is the catalogue from the verify configuration, `sites` the
 * base URLs of this site (configured address, current origin) whose own links name an account.
 */
export function parseQuery(raw: string, platforms: readonly PlatformInfo[], sites: readonly string[] = [], depth = 0): ParsedQuery {
  const notes: QueryNote[] = [];
  const spaced = raw.replace(/\s/g, ' ');
  const visible = stripInvisible(spaced);
  if (visible !== spaced) notes.push('invisible');
  const display = visible.trim().replace(/ +/g, ' ');
  const text = normalizeText(spaced);
  if (FULL_WIDTH_RE.test(display)) notes.push('fullwidth');

  const filing = filingNumberKey(text);
  if (filing !== null) {
    // Fourteen bare digits may also be a numeric account ID (头条号…): both are looked up.
    const bare = /^\d+$/.test(text) ? { key: lookupKey(text) } : {};
    return { raw, display, filing, byName: false, notes, ...bare };
  }

  let urlText: string | null = null;
  const embedded = EMBEDDED_URL_RE.exec(text);
  if (embedded && embedded[0].length < text.length) {
    urlText = embedded[0].replace(/[.,;!?)\]]+$/, '');
    notes.push('extracted');
  } else if (parseWebUrl(text)) {
    urlText = text;
  }
  if (urlText !== null) {
    const url = parseWebUrl(urlText);
    const key = url ? urlKey(urlText, platforms) : null;
    const own = url ? ownSiteTarget(url, sites) : null;
    if (own && own.kind === 'query' && depth === 0) {
      const inner = parseQuery(own.query, platforms, sites, depth + 1);
      return { ...inner, raw, display, ...(own.issued ? { issued: own.issued } : {}) };
    }
    if (own && own.kind !== 'query') {
      return {
        raw,
        display,
        site: own,
        byName: false,
        notes,
        ...(own.kind === 'account' && own.issued ? { issued: own.issued } : {}),
      };
    }
    if (url && key !== null) {
      const host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
      const platform = platformOfHost(host, platforms);
      const bare = !/^[a-z][a-z0-9+.-]*:/i.test(urlText) && url.pathname === '/' && !url.search && !url.hash;
      if (dropsTracking(url, platform)) notes.push('tracking');
      const parsed: ParsedUrl = {
        key,
        canonical: `https://${key}`,
        host,
        platform,
        ambiguous: bare && !embedded,
        credentials: !!(url.username || url.password),
      };
      if (!parsed.ambiguous) return { raw, display, url: parsed, byName: false, notes };
      const k = lookupKey(text);
      return { raw, display, url: parsed, key: k, byName: false, notes };
    }
  }

  let handleText = text;
  let platformHint: string | undefined;
  const labelled = LABEL_RE.exec(text);
  if (labelled && labelled[0].length < text.length) {
    handleText = text.slice(labelled[0].length);
    notes.push('label');
    platformHint = LABEL_PLATFORMS.find(([re]) => re.test(labelled[0]))?.[1];
  }
  const name = normalizeName(handleText);
  const simplified = toSimplified(name);
  if (simplified !== name) notes.push('traditional');
  if (foldConfusables(simplified) !== simplified) notes.push('confusable');
  const key = lookupKey(handleText);
  return { raw, display, key, byName: isNameKey(key), notes, ...(platformHint ? { platformHint } : {}) };
}
