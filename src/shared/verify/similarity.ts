/**
 * How much a queried name resembles a registered one, and why: same name once padding words are
 * removed, one containing the other, or a small edit distance. Works on lookup keys (already
 * simplified, folded and lower-cased), so traditional characters and full-width forms count as
 * the same name here; the caller reports those differences separately.
 */
import { charDiffs, folderOf, stripNamePunct, type CharDiff, type Folder } from './fold.ts';
import { skeleton } from './grams.ts';

/** Why a name resembles another. */
export type Resemblance =
  /** Same key: the names differ only in how they are written (traditional, full-width, invisible characters). */
  | 'same-key'
  /** Same once padding words (官方, 发布…) are removed. */
  | 'padding'
  /** The query contains the registered name (words added). */
  | 'contains'
  /** The registered name contains the query (words left out). */
  | 'contained'
  /** One or two characters differ. */
  | 'edit'
  /** Punctuation or spaces inserted (东乡·发布). */
  | 'punct'
  /** Characters replaced by ones of the same sound and tone (冬 for 东). */
  | 'homophone'
  /** Characters replaced by ones of the same syllable in another tone (董 for 东). */
  | 'near-homophone'
  /** Characters replaced by ones that look alike (形近字: 车 for 东). */
  | 'shape'
  /** Several of these tricks at once. */
  | 'mixed';

export interface Similarity {
  score: number;
  reason: Resemblance;
  /** Edit distance between the skeletons (for `edit`). */
  distance: number;
  /** For homophones and 形近字: which characters were replaced by which. */
  chars?: CharDiff[];
}

/** Levenshtein distance between two strings, by code point, giving up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * Edits tolerated between skeletons of this length (in characters). Short names that differ by
 * one character are usually different places (明泉乡, 明石乡), not copies.
 */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/**
 * How much query key `q` resembles registered key `n`, or null when it does not. Scores are in
 * (0, 1]; 1 is the same key.
 */
export function similarity(q: string, n: string, folder: Folder = folderOf(undefined)): Similarity | null {
  if (q === n) return { score: 1, reason: 'same-key', distance: 0 };
  const qs = skeleton(q);
  const ns = skeleton(n);
  // Look-alike characters and inserted punctuation: the name read the same once folded.
  const qb = stripNamePunct(qs);
  const nb = stripNamePunct(ns);
  if (qb !== qs || qb !== nb) {
    const diffs = charDiffs(qb, nb, folder);
    if (diffs && Array.from(nb).length >= 2) {
      const tricks = new Set<Resemblance>(diffs.map((d) => d.trick));
      if (qb !== qs) tricks.add('punct');
      if (tricks.size > 0) {
        const reason = tricks.size === 1 ? [...tricks][0]! : 'mixed';
        return { score: 0.92 - 0.02 * diffs.length, reason, distance: diffs.length, ...(diffs.length ? { chars: diffs } : {}) };
      }
    }
  }
  const qLen = Array.from(qs).length;
  const nLen = Array.from(ns).length;
  // Same core: best when one name is the other plus padding (多彩东乡官方 ⊃ 多彩东乡).
  if (qs === ns) return { score: q.includes(n) || n.includes(q) ? 0.97 : 0.95, reason: 'padding', distance: 0 };
  if (nLen >= 2 && (q.includes(n) || qs.includes(ns))) {
    return { score: 0.6 + 0.3 * (nLen / Math.max(qLen, nLen)), reason: 'contains', distance: 0 };
  }
  if (qLen >= 3 && (n.includes(q) || ns.includes(qs))) {
    return { score: 0.5 + 0.3 * (qLen / Math.max(qLen, nLen)), reason: 'contained', distance: 0 };
  }
  const allowed = tolerance(Math.max(qLen, nLen));
  if (allowed > 0) {
    const d = editDistance(qs, ns, allowed);
    if (d <= allowed) return { score: 0.85 - 0.1 * d - 0.05 * Math.abs(qLen - nLen), reason: 'edit', distance: d };
    const full = editDistance(q, n, allowed);
    if (full <= allowed) return { score: 0.8 - 0.1 * full, reason: 'edit', distance: full };
  }
  return null;
}
