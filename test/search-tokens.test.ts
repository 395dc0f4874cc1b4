/** The search tokens: every part of a name people may type finds it; nothing a segmenter can cut again. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAM_PREFIX, foldText, gramToken, indexTokens, pagefindQuery, queryTokens } from '../src/client/search-tokens.ts';

/** Whether a record indexed under `texts` matches `query` the way Pagefind does (every term equal to, or the start of, an indexed word). */
function matches(texts: string[], query: string): boolean {
  const index = indexTokens(texts);
  const terms = queryTokens(query);
  return terms.length > 0 && terms.every((t) => index.some((w) => w === t || w.startsWith(t)));
}

describe('search tokens', () => {
  it('find a name from any two or more consecutive characters, as typed', () => {
    const names = ['东乡族自治县教育局', '锁南镇发布', '多彩东乡'];
    for (const name of names) {
      const chars = [...name];
      for (let i = 0; i < chars.length; i++) {
        for (let j = i + 2; j <= chars.length; j++)
          expect(matches([name], chars.slice(i, j).join('')), `${chars.slice(i, j).join('')} in ${name}`).toBe(true);
      }
    }
    expect(matches(['东乡族自治县教育局'], '教育')).toBe(true);
    expect(matches(['锁南镇发布'], '锁南')).toBe(true);
  });

  it('find a name from its first character while typing, and from its last', () => {
    expect(matches(['锁南镇发布'], '锁')).toBe(true);
    expect(matches(['锁南镇发布'], '布')).toBe(true);
    expect(matches(['锁南镇发布'], '南')).toBe(true);
  });

  it('do not find names that hold the characters but not the pair', () => {
    expect(matches(['南岭锁厂'], '锁南')).toBe(false);
    expect(matches(['东乡族自治县教育局'], '教局')).toBe(false);
    expect(matches(['锁南镇发布'], '发布会')).toBe(false);
  });

  it('find handles whole, by their start, and with or without their punctuation', () => {
    expect(matches(['duocaidx_gf'], 'duocaidx_gf')).toBe(true);
    expect(matches(['duocaidx_gf'], 'duocaidxgf')).toBe(true);
    expect(matches(['duocaidx_gf'], 'duocai')).toBe(true);
    expect(matches(['5329743744'], '5329743744')).toBe(true);
    expect(matches(['cn.dongxiang.duocai'], 'dongxiang')).toBe(true);
    expect(matches(['dxjy2018'], 'dxjy2019')).toBe(false);
  });

  it('fold full-width letters, case and invisible characters as typed on a phone', () => {
    expect(foldText('ＤＸＪＹ２０１８')).toBe('dxjy2018');
    expect(matches(['dxjy2018'], 'ＤＸＪＹ2018')).toBe(true);
    expect(matches(['锁南镇发布'], '锁\u200b南')).toBe(true);
    expect(matches(['锁南镇发布'], '  锁南  ')).toBe(true);
  });

  it('write characters as one Latin word per pair that no segmenter cuts and no typed handle prefixes', () => {
    const token = gramToken('锁南');
    expect(token).toMatch(new RegExp(`^${GRAM_PREFIX}[0-9a-z]{8}$`));
    const segments = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(pagefindQuery('东乡县锁南镇发布 dxsuonan'))]
      .filter((s) => s.isWordLike)
      .map((s) => s.segment);
    expect(segments).toEqual(queryTokens('东乡县锁南镇发布 dxsuonan'));
    // ASCII words never start with the pair prefix, so typing a handle cannot prefix-match a pair.
    for (const t of queryTokens('abc 123 gh_c7e582ec0393')) expect(t.startsWith(GRAM_PREFIX)).toBe(false);
  });

  it('give nothing to look for in punctuation or an empty query', () => {
    expect(queryTokens('')).toEqual([]);
    expect(queryTokens('  ，。!?  ')).toEqual([]);
    expect(pagefindQuery('——')).toBe('');
  });

  it('find every run of characters of every name, and every start of its Latin words (property)', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const word = fc.oneof(
      fc.array(han, { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
      fc.stringMatching(/^[a-z0-9]{1,12}$/),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (words, a, b) => {
        const name = words.join(' ');
        const chosen = words[a % words.length]!;
        const chars = [...chosen];
        // Latin words (handles) are found from their start, Chinese from anywhere.
        const start = /^[a-z0-9]/.test(chosen) ? 0 : b % chars.length;
        const part = chars.slice(start, Math.min(chars.length, start + 1 + (a % 6))).join('');
        return matches([name], part);
      }),
      { numRuns: 500 },
    );
  });
});
