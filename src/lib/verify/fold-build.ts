/**
 * Builds the look-alike tables of the verify configuration (fold.ts) for a registry's names, at
 * build time: pinyin-pro gives each character's reading (its most common one, with tone); the
 * common characters (GB2312 level 1, 3,755 characters) that share a syllable with a character of
 * a registered name form that syllable's group, led by a registered character; 形近字 groups
 * (xingjin.ts) holding a registered character are kept. Node only (the page receives the tables).
 */
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import type { FoldTables } from '../../shared/verify/fold.ts';
import { XINGJIN_GROUPS } from './xingjin.ts';

let common: string[] | undefined;

/** The 3,755 characters of GB2312 level 1 (常用字), in code order. */
export function commonChars(): string[] {
  if (!common) {
    common = [];
    for (let hi = 0xb0; hi <= 0xd7; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        if (hi === 0xd7 && lo > 0xf9) break;
        common.push(iconv.decode(Buffer.from([hi, lo]), 'gb2312'));
      }
  }
  return common;
}

/** The reading of a character: toneless syllable and tone digit (5 for the neutral tone). */
export function readingOf(ch: string): { syllable: string; tone: number } | null {
  const num = pinyin(ch, { toneType: 'num', type: 'array' })[0] ?? '';
  const m = /^([a-zü]+)([0-4])?$/.exec(num.replace(/v/g, 'ü'));
  if (!m) return null;
  return { syllable: m[1]!, tone: m[2] === undefined || m[2] === '0' ? 5 : Number(m[2]) };
}

const HAN_RE = /\p{Script=Han}/u;

/** The tables for names whose characters are `chars` (lookup keys: simplified). */
export function buildFoldTables(chars: Iterable<string>): FoldTables {
  const registered = new Set([...chars].filter((c) => HAN_RE.test(c)));
  const bySyllable = new Map<string, string[]>();
  for (const c of [...registered].sort()) {
    const r = readingOf(c);
    if (!r) continue;
    if (!bySyllable.has(r.syllable)) bySyllable.set(r.syllable, [c]);
  }
  const members = new Map<string, Set<string>>();
  for (const c of [...commonChars(), ...registered]) {
    const r = readingOf(c);
    if (!r || !bySyllable.has(r.syllable)) continue;
    let set = members.get(r.syllable);
    if (!set) members.set(r.syllable, (set = new Set(bySyllable.get(r.syllable))));
    set.add(c);
  }
  const sound: string[] = [];
  for (const syllable of [...members.keys()].sort()) {
    const list = [...members.get(syllable)!];
    if (list.length < 2) continue;
    sound.push(`${syllable}:${list.map((c) => `${c}${readingOf(c)!.tone}`).join('')}`);
  }
  const shape = XINGJIN_GROUPS.filter((g) => Array.from(g).some((c) => registered.has(c)))
    .map((g) => {
      // The group is led by a registered character, so folding keeps registered names readable.
      const list = Array.from(new Set(Array.from(g)));
      const lead = list.find((c) => registered.has(c))!;
      return [lead, ...list.filter((c) => c !== lead)].join('');
    })
    .filter((g) => Array.from(g).length > 1);
  return { sound, shape };
}
