/**
 * Search tokens: how names, handles and queries are cut into the words the Pagefind index holds.
 * The same module runs in the build (what each record is indexed under) and in the browser (what
 * a query looks for), so both sides always agree.
 *
 * Chinese has no spaces, and people type any part of a name: 教育 inside 东乡族自治县教育局, 锁南
 * inside 锁南镇发布. A dictionary segmenter (Pagefind's ICU4X at indexing, `Intl.Segmenter` in the
 * browser) cuts 锁南镇发布 as 锁|南|镇|发布, and the typed 锁南 as 锁|南, so substrings are found
 * by luck or not at all, and differently in every browser (WeChat's in-app browser may have no
 * `Intl.Segmenter`). Instead every run of non-ASCII letters is indexed as overlapping character
 * pairs (bigrams), and a query is cut into the same pairs; a record matches when it holds every
 * pair of the query. One typed character finds the pairs starting with it by Pagefind's prefix
 * match (the last character of a run also gets a one-character token).
 *
 * So that no segmenter can cut them again, pairs are written as one Latin word: `ø` followed by
 * each character's code point in base 36, four digits each (`锁南` → `ø7dt17cfz`). Letters and
 * digits only, because Pagefind also indexes the parts of a word around punctuation; and `ø`
 * first, because nobody types it: a typed handle never prefix-matches a pair. ASCII words
 * (handles, numbers, Latin names) are lower-cased and cut at punctuation.
 *
 * No Node imports: this file is bundled into the search page.
 */

/** ASCII letters and digits: handles, UIDs, Latin words. */
const ASCII_WORD = /[a-z0-9]/;
/** Letters and digits of every script. */
const LETTER = /[\p{L}\p{N}]/u;
/** Invisible and bidi control characters (dropped before cutting). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\u2028\u2029\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]/gu;

/** Text as compared: NFKC (full-width → half-width), invisible characters dropped, lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** A character as a fixed-width ASCII code: 4 base-36 digits (enough for every code point). */
function charCode(ch: string): string {
  return ch.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** Marks a token made of character codes. */
export const GRAM_PREFIX = 'ø';

/** The token of a run of one or two characters (`ø` + codes). */
export function gramToken(chars: string): string {
  let token = GRAM_PREFIX;
  for (const ch of chars) token += charCode(ch);
  return token;
}

interface Runs {
  /** Runs of ASCII letters and digits. */
  ascii: string[];
  /** Runs of other letters and digits (Chinese characters…), as arrays of characters. */
  wide: string[][];
}

/** Cuts folded text into ASCII runs and runs of other letters; everything else separates. */
function runsOf(text: string): Runs {
  const ascii: string[] = [];
  const wide: string[][] = [];
  let a = '';
  let w: string[] = [];
  const flushA = () => {
    if (a) ascii.push(a);
    a = '';
  };
  const flushW = () => {
    if (w.length) wide.push(w);
    w = [];
  };
  for (const ch of foldText(text)) {
    if (ASCII_WORD.test(ch)) {
      flushW();
      a += ch;
    } else if (LETTER.test(ch)) {
      flushA();
      w.push(ch);
    } else {
      flushA();
      flushW();
    }
  }
  flushA();
  flushW();
  return { ascii, wide };
}

/** Bigram tokens of a run of wide characters (a single character gives its own token). */
function gramsOf(run: readonly string[]): string[] {
  if (run.length === 1) return [gramToken(run[0]!)];
  const grams: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) grams.push(gramToken(run[i]! + run[i + 1]!));
  return grams;
}

/**
 * The tokens a record is indexed under, from its searchable texts (names, former names, handles,
 * identifiers…), each token once: every ASCII word, the ASCII words of a text joined (so
 * `duocaidx_gf` is also found as `duocaidxgf`), every character pair of every wide run, and the
 * last character of each wide run on its own.
 */
export function indexTokens(texts: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    const { ascii, wide } = runsOf(text);
    for (const word of ascii) tokens.add(word);
    if (ascii.length > 1) tokens.add(ascii.join(''));
    for (const run of wide) {
      for (const gram of gramsOf(run)) tokens.add(gram);
      if (run.length > 1) tokens.add(gramToken(run[run.length - 1]!));
    }
  }
  return [...tokens];
}

/**
 * The tokens a query looks for, in typing order, each once; a record must hold all of them
 * (the last one may be a prefix, so a query matches while it is being typed).
 */
export function queryTokens(query: string): string[] {
  const { ascii, wide } = runsOf(query);
  const tokens = new Set<string>();
  for (const run of wide) for (const gram of gramsOf(run)) tokens.add(gram);
  for (const word of ascii) tokens.add(word);
  return [...tokens];
}

/** The query string handed to Pagefind: the tokens separated by spaces, or '' when there is nothing to look for. */
export function pagefindQuery(query: string): string {
  return queryTokens(query).join(' ');
}
