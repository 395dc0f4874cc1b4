/**
 * Chinese look-alike folding (homophones and 形近字, test/verify-lookalike-zh.test.ts), shared by the
 * build and the browser: which characters sound the same (homophones, with or without the same
 * tone) and which look alike (形近字), so that 冬香发布 and 东乡发布 land in the same name shards and the
 * verdict can say which trick it saw. The tables are made at build time (fold-build.ts, with
 * pinyin-pro) and only for characters that matter to this registry: every common character (GB2312
 * level 1) that sounds like a character of a registered name, and every 形近字 group (xingjin.ts) that
 * holds one. The verify configuration carries them; the page needs no pinyin library.
 */

/**
 * The tables as published in the verify configuration. `sound`: one string per syllable,
 * `<syllable>:` then pairs of a character and its tone digit (`dong:东1冬1动4`); the first
 * character stands for the group. `shape`: one string per group of characters that look alike,
 * the first standing for the group.
 */
export interface FoldTables {
  sound: string[];
  shape: string[];
}

/** Punctuation, symbols and spaces an impostor may insert into a name (东乡·发布, 东乡 发布). */
const NAME_PUNCT_RE = /[\p{P}\p{S}\p{Z}]/gu;

/** A name without inserted punctuation, symbols and spaces. */
export function stripNamePunct(text: string): string {
  return text.replace(NAME_PUNCT_RE, '');
}

export interface Folder {
  /** Each character replaced by the one standing for its sound and shape groups. */
  fold(text: string): string;
  /** Reading of a character: syllable and tone (1–5), when the tables know it. */
  reading(ch: string): { syllable: string; tone: number } | undefined;
  /** The character standing for the shape group of `ch` (itself when it has none). */
  shapeOf(ch: string): string;
  /** The character standing for the sound group of `ch` (itself when it has none). */
  soundOf(ch: string): string;
}

const IDENTITY: Folder = {
  fold: (t) => t,
  reading: () => undefined,
  shapeOf: (c) => c,
  soundOf: (c) => c,
};

const cache = new WeakMap<FoldTables, Folder>();

/** The folder of a set of tables (identity without tables). */
export function folderOf(tables: FoldTables | undefined): Folder {
  if (!tables) return IDENTITY;
  let folder = cache.get(tables);
  if (folder) return folder;
  const sound = new Map<string, string>();
  const readings = new Map<string, { syllable: string; tone: number }>();
  for (const group of tables.sound) {
    const colon = group.indexOf(':');
    const syllable = group.slice(0, colon);
    const chars = Array.from(group.slice(colon + 1));
    const rep = chars[0]!;
    for (let i = 0; i + 1 < chars.length; i += 2) {
      sound.set(chars[i]!, rep);
      readings.set(chars[i]!, { syllable, tone: Number(chars[i + 1]) });
    }
  }
  const shape = new Map<string, string>();
  for (const group of tables.shape) {
    const chars = Array.from(group);
    for (const c of chars) if (!shape.has(c)) shape.set(c, chars[0]!);
  }
  const shapeOf = (c: string) => shape.get(c) ?? c;
  const soundOf = (c: string) => sound.get(c) ?? c;
  folder = {
    fold: (text) => Array.from(text, (c) => soundOf(shapeOf(c))).join(''),
    reading: (c) => readings.get(c),
    shapeOf,
    soundOf,
  };
  cache.set(tables, folder);
  return folder;
}

/** A trick seen in one character of a name. */
export type CharTrick = 'homophone' | 'near-homophone' | 'shape';

/** How a look-alike character differs from the registered one. */
export interface CharDiff {
  /** The character in the query and the registered one. */
  query: string;
  registered: string;
  trick: CharTrick;
  /** Toneless syllable, for homophones. */
  syllable?: string;
}

/**
 * The characters two names of the same length differ in, each explained as a homophone, a
 * near-homophone (same syllable, another tone) or a 形近字; null when some difference is none
 * of these.
 */
export function charDiffs(query: string, registered: string, folder: Folder): CharDiff[] | null {
  const q = Array.from(query);
  const n = Array.from(registered);
  if (q.length !== n.length) return null;
  const out: CharDiff[] = [];
  for (let i = 0; i < q.length; i++) {
    const a = q[i]!;
    const b = n[i]!;
    if (a === b) continue;
    if (folder.shapeOf(a) === folder.shapeOf(b)) {
      out.push({ query: a, registered: b, trick: 'shape' });
      continue;
    }
    const ra = folder.reading(a);
    const rb = folder.reading(b);
    if (ra && rb && ra.syllable === rb.syllable) {
      out.push({ query: a, registered: b, trick: ra.tone === rb.tone ? 'homophone' : 'near-homophone', syllable: ra.syllable });
      continue;
    }
    return null;
  }
  return out;
}
