/**
 * Chinese look-alike scoring (src/shared/verify/fold.ts) on the sample registry: homophones with and without the same
 * tone, 形近字, inserted punctuation, and look-alike handles (0/o, 1/l, rn/m, separators); each
 * verdict names the trick it saw, within two index files per lookup. The build-time tables
 * (fold-build.ts) are checked on their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { handleSkeleton } from '../src/shared/normalize.ts';
import { type VerifyIndex } from '../src/lib/verify/build.ts';
import { explain, toneMark } from '../src/shared/verify/explain.ts';
import { buildFoldTables, commonChars, readingOf } from '../src/lib/verify/fold-build.ts';
import { charDiffs, folderOf } from '../src/shared/verify/fold.ts';
import { type VerifyResult } from '../src/shared/verify/lookup.ts';
import { LINKS as links, lineText as text, lookup, sampleVerifyIndex } from './helpers/verify.ts';

let index: VerifyIndex;
beforeAll(() => {
  index = sampleVerifyIndex();
});

const check = (query: string): Promise<VerifyResult> => lookup(index, query);

describe('fold tables (build time)', () => {
  it('reads common characters with pinyin-pro', () => {
    expect(commonChars()).toHaveLength(3755);
    expect(commonChars()[0]).toBe('啊');
    expect(readingOf('东')).toEqual({ syllable: 'dong', tone: 1 });
    expect(readingOf('董')).toEqual({ syllable: 'dong', tone: 3 });
  });

  it('groups homophones under a registered character and keeps only 形近字 groups that matter', () => {
    const tables = buildFoldTables(['东', '乡']);
    const dong = tables.sound.find((g) => g.startsWith('dong:'))!;
    expect(dong.startsWith('dong:东1')).toBe(true);
    expect(dong).toContain('冬1');
    expect(dong).toContain('董3');
    expect(tables.sound.every((g) => /^(dong|xiang):/.test(g))).toBe(true);
    expect(tables.shape).toEqual(['东车', '乡多']);
    const folder = folderOf(tables);
    expect(folder.fold('冬香')).toBe('东乡');
    expect(folder.fold('车乡')).toBe('东乡');
    expect(charDiffs('董乡', '东乡', folder)).toEqual([{ query: '董', registered: '东', trick: 'near-homophone', syllable: 'dong' }]);
    expect(charDiffs('西乡', '东乡', folder)).toBeNull();
  });

  it('writes tone marks', () => {
    expect([toneMark('dong', 1), toneMark('xiang', 4), toneMark('lü', 3), toneMark('gui', 4), toneMark('de', 5)]).toEqual([
      'dōng',
      'xiàng',
      'lǚ',
      'guì',
      'de',
    ]);
  });
});

describe('Chinese look-alike names', () => {
  it.each([
    ['东香发布', '东乡发布', 'homophone', '「香」冒充「乡」（同音 xiāng）'],
    ['董乡发布', '东乡发布', 'near-homophone', '「董」冒充「东」（音近 dǒng / dōng）'],
    ['车乡发布', '东乡发布', 'shape', '「车」冒充「东」（形近字）'],
    ['唐注发布', '唐汪发布', 'shape', '「注」冒充「汪」（形近字）'],
    ['所南发布', '锁南发布', 'homophone', '「所」冒充「锁」（同音 suǒ）'],
    ['多彩冬香', '多彩东乡', 'homophone', '「冬」冒充「东」（同音 dōng），「香」冒充「乡」（同音 xiāng）'],
    ['东乡·发布', '东乡发布', 'punct', ''],
    ['多彩 东乡!', '多彩东乡', 'punct', ''],
  ])('%s looks like %s (%s)', async (q, official, reason, chars) => {
    const r = await check(q);
    expect(r.verdict).toBe('lookalike');
    expect(r.lookalikes[0]).toMatchObject({ name: official, reason });
    const v = explain(r, index.config, links);
    const summary = v.summary.map(text).join('\n');
    expect(summary).toContain('看到的手法：');
    if (chars) expect(summary).toContain(chars);
    expect(v.headline).toBe('名录中没有这个账号，但它与官方账号相似');
  });

  it('the sample impostors that use a homophone and a 形近字 are impostors', async () => {
    for (const [q, imitated] of [
      ['冬乡发布', 'xianzhengfuban/weibo'],
      ['塘汪发布', 'tangwang-zhen/douyin'],
    ] as const) {
      const r = await check(q);
      expect(r.verdict).toBe('impostor');
      expect(r.primary?.rec.t === 'i' && r.primary.rec.im.id).toBe(imitated);
    }
  });

  it('a name that only shares a place is not called a homophone', async () => {
    const r = await check('西乡发布');
    expect(r.lookalikes.every((l) => !['homophone', 'near-homophone', 'shape'].includes(l.reason))).toBe(true);
  });
});

describe('look-alike handles', () => {
  it('folds separators and look-alike letters', () => {
    expect(handleSkeleton('Duo_Cai.Dong-Xiang')).toBe('duocaldongxlang');
    expect(handleSkeleton('dxjy2O18')).toBe(handleSkeleton('dxjy2018'));
    expect(handleSkeleton('rnodel')).toBe(handleSkeleton('model'));
    expect(handleSkeleton('dxjy2018')).not.toBe(handleSkeleton('dxjy2019'));
  });

  it.each([
    ['duocaid0ngxiang', 'handle-swap'],
    ['duocaidongxlang', 'handle-swap'],
    ['duocai_dongxiang', 'handle-punct'],
    ['duocai-dong-xiang', 'handle-punct'],
    ['duocaidongxiang_gf', 'handle-padding'],
    ['duocaid0ngxiang_gf', 'handle-swap'],
  ])('%s → %s', async (q, reason) => {
    const r = await check(q);
    expect(r.verdict).toBe('lookalike');
    expect(r.lookalikes[0]).toMatchObject({ handle: 'duocaidongxiang', reason });
    expect(text(explain(r, index.config, links).summary[1]!)).toContain(reason === 'handle-padding' ? '「_gf」' : '看到的手法');
  });
});
