/**
 * The one normaliser: how text, handles and URLs are compared everywhere (validator duplicate
 * checks, the verify index at build time, the verify page in the browser, tests).
 *
 * Runs in Node and in the browser: no Node imports. Traditional → simplified conversion uses
 * opencc-js (pinned in package.json, so the index built at build time and the page that reads it
 * always fold characters the same way); only its core and the traditional → simplified
 * dictionaries are imported, which keeps the browser bundle small.
 */
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { INVISIBLE_RE } from './invisible.ts';

/** The part of a platform entry the normaliser needs. */
export interface PlatformUrlInfo {
  id: string;
  hosts: readonly string[];
  url_forms: readonly string[];
  identity_params: readonly string[];
}

/** Removes invisible and bidi control characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}

/** NFKC (full-width → half-width), invisible characters removed, trimmed, inner whitespace collapsed. */
export function normalizeText(text: string): string {
  return stripInvisible(text.normalize('NFKC')).trim().replace(/\s+/g, ' ');
}

/** A name as compared: normalised text without spaces, Latin letters lower-cased. */
export function normalizeName(text: string): string {
  return normalizeText(text).replace(/\s/g, '').toLowerCase();
}

/** A handle as compared: normalised, lower-cased, without a leading `@`. */
export function normalizeHandle(text: string): string {
  return normalizeText(text).replace(/^@/, '').replace(/\s/g, '').toLowerCase();
}

/**
 * Variant characters OpenCC's traditional → simplified dictionaries leave alone (old and
 * Japanese forms an impostor may use to copy an official name).
 */
const VARIANTS: Readonly<Record<string, string>> = {
  郷: '乡',
  鄕: '乡',
  冩: '写',
  囯: '国',
  戸: '户',
  靑: '青',
  吿: '告',
  淸: '清',
  県: '县',
  発: '发',
  広: '广',
  徳: '德',
  総: '总',
  団: '团',
  図: '图',
  気: '气',
  黒: '黑',
  値: '值',
  晩: '晚',
  辺: '边',
  栄: '荣',
  関: '关',
  鉄: '铁',
  駅: '驿',
  壊: '坏',
  譲: '让',
  亜: '亚',
  悪: '恶',
  圧: '压',
  囲: '围',
  衞: '卫',
  兌: '兑',
  說: '说',
  稅: '税',
  脫: '脱',
  戶: '户',
  溫: '温',
  蒐: '搜',
  纔: '才',
  鉢: '钵',
};
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

/** Traditional → simplified: HK/TW variant forms first, then OpenCC's `t2s` phrases and characters. */
const openccT2s = ConverterFactory([HKVariantsRev, TWVariantsRev], [TSPhrases, TSCharacters]);

/** Traditional and variant Chinese characters turned into their simplified forms (`東鄉` → `东乡`). */
export function toSimplified(text: string): string {
  return openccT2s(text.replace(VARIANT_RE, (ch) => VARIANTS[ch] ?? ch)).replace(VARIANT_RE, (ch) => VARIANTS[ch] ?? ch);
}

/**
 * Cyrillic and Greek letters that look like Latin ones (`о` U+043E for `o`). No platform allows
 * them in a handle, so a handle written with them is a copy, never the account itself.
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  ι: 'i',
  κ: 'k',
  χ: 'x',
  υ: 'u',
  ε: 'e',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');

/** Latin look-alike letters (Cyrillic, Greek) replaced by the Latin letters they imitate. */
export function foldConfusables(text: string): string {
  return text.replace(CONFUSABLE_RE, (ch) => CONFUSABLES[ch] ?? ch);
}

/**
 * The lookup key of a name or a handle: what the verify index is keyed by. Normalised text
 * (NFKC, invisible and bidi control characters removed), without spaces or a leading `@`,
 * lower-cased, traditional and variant characters simplified, look-alike letters folded.
 * `＠Ｄｕｏｃａｉ東鄉` and `duocai东乡` have the same key.
 */
export function lookupKey(text: string): string {
  return foldConfusables(toSimplified(normalizeName(text).replace(/^@/, '')));
}

/** Query parameters that only track where a link was shared from. */
const TRACKING_PARAM =
  /^(utm_.*|share_.*|from|spm|scene|srcid|sharer_.*|isappinstalled|clicktime|enterid|chksm|mpshare|exportkey|pass_ticket|wxfrom|ts|timestamp|refer.*|source|src|sec_user_id_from|is_from_webapp|xsec_.*|vd_source|spm_id_from)$/i;

/** Whether a host matches a catalogue host (`*.gov.cn` matches every sub-domain of gov.cn). */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern;
}

/** Parses text as an http(s) URL; a missing scheme (`weibo.com/u/1`) is taken as https. */
export function parseWebUrl(text: string): URL | null {
  let t = normalizeText(text);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(t)) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(?::\d+)?(\/|$|\?)/i.test(t)) return null;
    t = `https://${t}`;
  }
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/** Strips the prefixes of a host that name its desktop or mobile edition (`www.`, `m.`, `mobile.`, `wap.`). */
function bareHost(host: string): string {
  return host.replace(/^(www|m|mobile|wap)\./, '');
}

/**
 * The catalogue platform a host belongs to (`www.`, `m.`, `mobile.` and `wap.` variants included). Wildcard hosts
 * (`*.gov.cn` for app download pages) say where a platform's pages may be, not that every such
 * site is that platform, so they are not used here.
 */
export function platformOfHost<P extends PlatformUrlInfo>(host: string, platforms: readonly P[]): P | undefined {
  return platforms.find((p) => p.hosts.some((h) => !h.startsWith('*.') && (h === host || bareHost(h) === bareHost(host))));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const formCache = new Map<string, RegExp>();
/**
 * Matches `host/path` against a URL form such as `https://m.weibo.cn/u/{id}`. In a form, `{id}`
 * is the part that names the account (one path segment, or the rest of one), `{*}` any one path
 * segment that does not matter (a country code, an app's name slug), and a final `/{**}` any
 * sub-page of the profile (`space.bilibili.com/{id}/{**}` matches `…/123/video`).
 */
function formRegExp(form: string): RegExp {
  let re = formCache.get(form);
  if (!re) {
    const bare = form.replace(/^https:\/\//, '').replace(/^www\./, '');
    const [before, after] = bare.split('{id}') as [string, string];
    const part = (s: string) => escapeRe(s).replace(/\\\{\\\*\\\}/g, '[^/?#]+');
    const rest = after.endsWith('/{**}') ? part(after.slice(0, -5)) + '(?:/[^?#]*)?' : part(after.replace(/\/$/, ''));
    re = new RegExp(`^${part(before)}([^/?#]+)${rest}/?$`);
    formCache.set(form, re);
  }
  return re;
}

/** The canonical `host/path` of an id in a platform's first URL form. */
function canonicalFormKey(platform: PlatformUrlInfo, id: string): string {
  return (platform.url_forms[0] ?? '')
    .replace(/^https:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/\{\*\*\}$/, '')
    .replace('{id}', id)
    .replace(/\/$/, '');
}

/**
 * The platform and account id a URL names through one of the catalogue's URL forms
 * (`https://m.weibo.cn/profile/1?from=x` → weibo, `1`), or null when it matches none.
 */
export function urlFormId<P extends PlatformUrlInfo>(text: string, platforms: readonly P[]): { platform: P; id: string } | null {
  const url = parseWebUrl(text);
  if (!url) return null;
  const host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
  const platform = platformOfHost(host, platforms);
  if (!platform) return null;
  const path = decodeURIComponentSafe(url.pathname).replace(/\/+$/, '');
  for (const form of platform.url_forms) {
    const match = formRegExp(form).exec(`${host}${path}`) ?? formRegExp(form).exec(`${bareHost(host)}${path}`);
    if (match) return { platform, id: match[1]! };
  }
  return null;
}

/**
 * The lookup key of a URL: one string for every way of writing the same account's address.
 * Scheme and `www.` dropped, host lower-cased, equivalent forms folded to the platform's
 * canonical form (`m.weibo.cn/u/1` → `weibo.com/u/1`), identity parameters kept (WeChat
 * `__biz`, even on an article link) and every other query parameter and fragment dropped.
 * Returns null when the text is not an http(s) URL.
 */
export function urlKey(text: string, platforms: readonly PlatformUrlInfo[]): string | null {
  const url = parseWebUrl(text);
  if (!url) return null;
  const host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
  const path = decodeURIComponentSafe(url.pathname).replace(/\/+$/, '');
  const platform = platformOfHost(host, platforms);
  if (platform) {
    const identity = platform.identity_params
      .map((name) => [name, url.searchParams.get(name)] as const)
      .filter((entry): entry is readonly [string, string] => !!entry[1]);
    if (identity.length > 0) {
      const canonicalHost = (platform.hosts[0] ?? host).replace(/^www\./, '');
      return `${canonicalHost}?${identity.map(([k, v]) => `${k}=${v}`).join('&')}`;
    }
    const hostPath = `${host}${path}`;
    const mobileFolded = `${bareHost(host)}${path}`;
    for (const form of platform.url_forms) {
      const match = formRegExp(form).exec(hostPath) ?? formRegExp(form).exec(mobileFolded);
      if (match) return canonicalFormKey(platform, match[1]!);
    }
    const foldedHost = platform.hosts.some((h) => hostMatches(bareHost(host), h)) ? bareHost(host) : host;
    return `${foldedHost}${path}`;
  }
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAM.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  return `${host}${path}${query}`;
}

/**
 * The canonical form of a URL: `https://` and its lookup key (`http://m.weibo.cn/profile/1?from=x`
 * → `https://weibo.com/u/1`). Returns null when the text is not an http(s) URL.
 */
export function canonicalUrl(text: string, platforms: readonly PlatformUrlInfo[]): string | null {
  const key = urlKey(text, platforms);
  return key === null ? null : `https://${key}`;
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Whether an identifier is written as a URL (or something posing as one, like `javascript:`). */
export function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text.trim()) || /^www\./i.test(text.trim());
}

/** Words people write before a filing number (备案编号：…, 政务新媒体备案号 …). */
const FILING_PREFIX_RE = /^(?:政务新媒体)?(?:备案编号|备案号|备案|编号|no\.?)\s*[:：#]?\s*/i;

/**
 * The filing number (备案编号, `<6-digit region code>-<YYYY>-<4-digit sequence>`) a person typed,
 * in its registered form, or null when the text is not one. Accepts full-width digits and dashes,
 * spaces, any dash-like separator (— – － _ · . /), missing separators (`622926202600012`
 * is not one: exactly 14 digits are needed) and a 备案编号 prefix.
 */
export function filingNumberKey(text: string): string | null {
  const t = normalizeText(text).replace(FILING_PREFIX_RE, '');
  if (!/^[\d\s\-‐‑‒–—―−_·.／/]+$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  if (!/^\d{6}(?:19|20)\d{6}$/.test(digits)) return null;
  // Dashes and dots, where written, must sit where the form puts them (6-4-4); spaces may be anywhere.
  const groups = t
    .replace(/\s+/g, '')
    .split(/[-‐‑‒–—―−_·.／/]+/)
    .filter(Boolean)
    .map((g) => g.length)
    .join(',');
  if (!['14', '6,8', '10,4', '6,4,4'].includes(groups)) return null;
  return `${digits.slice(0, 6)}-${digits.slice(6, 10)}-${digits.slice(10)}`;
}

/**
 * The skeleton of a handle (a lookup key without Chinese characters): separators (`_ . -`)
 * removed and characters that look alike in a handle folded (`0`→`o`, `1`/`i`/`|`→`l`, `rn`→`m`,
 * `vv`→`w`), so that `dxjy_2O18`, `dxjy2018` and `dxjyzo18`… can be compared. Only used to find
 * look-alikes of registered handles, never for an exact match.
 */
export function handleSkeleton(key: string): string {
  return key
    .toLowerCase()
    .replace(/[-_.\s]/g, '')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/0/g, 'o')
    .replace(/[1i|]/g, 'l');
}
