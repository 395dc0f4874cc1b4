/**
 * The characters the validator rejects in text and the normaliser drops before comparing names; shared
 * with the browser (src/shared/normalize.ts).
 */

/**
 * Characters that a reader cannot see or that reorder text: control characters (Cc), format
 * characters (Cf: zero-width space/joiners, bidi embeddings and overrides such as RLO, word
 * joiner, BOM, tag characters…), private-use characters (Co), line/paragraph separators,
 * Hangul fillers and variation selectors, lone surrogates (Cs, only reachable through a YAML
 * `"\ud800"` escape) and the noncharacters of the basic plane. Impostors use them to copy an
 * official name; in a comment they reorder what a reviewer sees (Trojan source).
 */
export const INVISIBLE_CLASS = String.raw`\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F\uFDD0-\uFDEF\uFFFE\uFFFF`;

/** Matches one invisible or bidi control character (global, for finding and removing them). */
export const INVISIBLE_RE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');
