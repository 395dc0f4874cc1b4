/**
 * Name grams: how a name is found from a look-alike of it with one small request.
 *
 * Every name key (see `lookupKey`) is indexed under the grams of its skeleton (the key without
 * padding words such as 官方 or 发布). A gram is the shortest substring starting
 * at a position that is not in the stop list (grams shared by too many names); a gram that would
 * run past the end of the string is "terminal" and is indexed only at position 0 (the whole
 * string). A query fetches the shards of at most two anchors (see `anchors`). Build and browser
 * share this module so both cut names the same way.
 */

/**
 * Words impostors add to an official name (and that official names also carry), longest first.
 * Removing them gives a name's skeleton: 多彩东乡官方 and 多彩东乡 have the same skeleton.
 */
export const PADDING_WORDS: readonly string[] = [
  '官方账号',
  '官方帐号',
  '官方微博',
  '官方抖音',
  '服务平台',
  '政务服务',
  '政务微博',
  '微信公众号',
  '官方号',
  '服务号',
  '订阅号',
  '公众号',
  '视频号',
  '小程序',
  '客户端',
  '官方',
  '发布',
  '政务',
  '在线',
  '平台',
  '资讯',
  '微讯',
  '视界',
  '头条',
  '新闻',
  '通知',
  '公告',
  '客服',
  '服务',
  '掌上',
  '微信',
  '微博',
  '抖音',
  '快手',
  '频道',
  '之声',
  '动态',
  '官微',
  '认证',
  '正版',
  '真的',
  '唯一',
];

/** Whether a lookup key is looked up by name grams: two characters or more, at least one not ASCII. */
export function isNameKey(key: string): boolean {
  return /[^\u0000-\u007f]/.test(key) && Array.from(key).length >= 2;
}

/** The key without padding words; the key itself when fewer than two characters would remain. */
export function skeleton(key: string): string {
  let s = key;
  for (const word of PADDING_WORDS) if (s.includes(word)) s = s.split(word).join('');
  return Array.from(s).length >= 2 ? s : key;
}

/** Folds a string's characters (look-alike tables, see fold.ts); identity by default. */
export type Fold = (text: string) => string;
const same: Fold = (t) => t;

/**
 * The text a name key is cut into grams from: its skeleton without inserted punctuation or
 * spaces, folded so that homophones and 形近字 of a name share its grams (and its shards).
 */
export function gramText(key: string, fold: Fold = same): string {
  const skel = skeleton(key);
  const bare = skel.replace(/[\p{P}\p{S}\p{Z}]/gu, '');
  return fold(Array.from(bare).length >= 2 ? bare : skel);
}

/** One gram of a string. */
export interface Gram {
  gram: string;
  /** Start and end (code points). */
  start: number;
  end: number;
  /** It reached the end of the string while still in the stop list. */
  terminal: boolean;
}

/** The gram starting at code point `i` of `chars`. */
export function gramAt(chars: readonly string[], i: number, stop: ReadonlySet<string>): Gram {
  let j = Math.min(i + 2, chars.length);
  let gram = chars.slice(i, j).join('');
  while (stop.has(gram) && j < chars.length) {
    j++;
    gram = chars.slice(i, j).join('');
  }
  return { gram, start: i, end: j, terminal: stop.has(gram) || j - i < 2 };
}

/** Grams a string is indexed under: the one at position 0 always, the others when not terminal. */
export function indexGrams(text: string, stop: ReadonlySet<string>): string[] {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) {
    const g = gramAt(chars, i, stop);
    if (i === 0 || !g.terminal) out.add(g.gram);
  }
  if (chars.length === 1) out.add(text);
  return [...out];
}

/**
 * Grams a name key is indexed under: those of its skeleton (queries look up grams of their
 * skeleton too, so grams spanning padding words would never be asked for).
 */
export function keyGrams(key: string, stop: ReadonlySet<string>, fold: Fold = same): string[] {
  return indexGrams(gramText(key, fold), stop);
}

/**
 * The (at most two) grams a query looks up: the first gram of its skeleton (which finds every
 * name with the same key or skeleton, and names that differ after it), and the non-terminal gram
 * that starts last (which finds names that differ before it; when it does not overlap the
 * first, one changed character can never hide a name from both).
 */
export function anchors(key: string, stop: ReadonlySet<string>, fold: Fold = same): string[] {
  const chars = Array.from(gramText(key, fold));
  const first = gramAt(chars, 0, stop);
  const out = [first.gram];
  for (let i = chars.length - 2; i >= 1; i--) {
    const g = gramAt(chars, i, stop);
    if (!g.terminal) {
      if (g.gram !== first.gram) out.push(g.gram);
      break;
    }
  }
  return out;
}

/** The gram whose shard holds a name key in full: the first gram of its skeleton. */
export function homeGram(key: string, stop: ReadonlySet<string>, fold: Fold = same): string {
  return gramAt(Array.from(gramText(key, fold)), 0, stop).gram;
}

/** Bytes a name key adds to the shard of a gram: in full (its home gram) and in brief (its other grams). */
export interface KeyWeight {
  full: number;
  brief: number;
}

/**
 * The stop list for a set of name keys with their weights: grams (two characters, then longer
 * ones extending a stop gram) whose keys together weigh more than `cap` bytes. A longer gram is
 * used in their place, so no gram's part of a shard exceeds the cap unless it is a whole name.
 */
export function computeStop(weights: ReadonlyMap<string, KeyWeight>, cap: number, fold: Fold = same): Set<string> {
  const items = [...weights].map(([key, weight]) => ({ skel: Array.from(gramText(key, fold)), weight }));
  const stop = new Set<string>();
  const prefixIsStop = (chars: string[], i: number, length: number) => length === 2 || stop.has(chars.slice(i, i + length - 1).join(''));
  for (let length = 2; ; length++) {
    const total = new Map<string, number>();
    for (const { skel, weight } of items) {
      const seen = new Set<string>();
      for (let i = 1; i + length <= skel.length; i++) {
        if (prefixIsStop(skel, i, length)) seen.add(skel.slice(i, i + length).join(''));
      }
      if (skel.length >= length && prefixIsStop(skel, 0, length)) {
        const home = skel.slice(0, length).join('');
        seen.delete(home);
        total.set(home, (total.get(home) ?? 0) + weight.full);
      }
      for (const g of seen) total.set(g, (total.get(g) ?? 0) + weight.brief);
    }
    let added = 0;
    for (const [g, w] of total) {
      if (w > cap) {
        stop.add(g);
        added++;
      }
    }
    if (added === 0) return stop;
  }
}
