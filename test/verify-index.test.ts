/**
 * The verify index built from the sample registry: every URL, handle, identifier, name and
 * former value of every account (any status), every impostor and every unit name can be found in
 * the shard a lookup would fetch; the shards are well formed, small and reproducible; name grams
 * survive one changed character.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../src/lib/model.ts';
import { looksLikeUrl, lookupKey, urlKey } from '../src/shared/normalize.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { buildVerifyIndex, type VerifyIndex } from '../src/lib/verify/build.ts';
import type { Hit, HitKind, Rec, Shard } from '../src/shared/verify/format.ts';
import { folderOf } from '../src/shared/verify/fold.ts';
import { anchors, computeStop, gramAt, gramText, homeGram, isNameKey, keyGrams, skeleton } from '../src/shared/verify/grams.ts';
import { hashKey, shardFile, shardOf } from '../src/shared/verify/hash.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';
import path from 'node:path';

let registry: Registry;
let index: VerifyIndex;
const shard = (file: string): Shard => JSON.parse(index.files.get(file)!) as Shard;

beforeAll(() => {
  registry = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!;
  index = buildVerifyIndex(registry);
});

/** The records a key points at, from the shard a lookup of it would fetch. */
function lookupRecords(text: string, asUrl: boolean): { kind: HitKind; rec: Rec }[] {
  if (asUrl) {
    const key = `u:${urlKey(text, registry.platforms)}`;
    const s = shard(shardFile('x', shardOf(key, index.config.exact)));
    return (s.k[key] ?? []).map(([kind, i]: Hit) => ({ kind, rec: s.r[i]! }));
  }
  const key = lookupKey(text);
  const stop = new Set(index.config.stop);
  const fold = folderOf(index.config.fold).fold;
  // A name is held in full in the shard of its first gram (the first anchor of a query for it),
  // unless that gram is terminal: then in the exact index, like handles.
  if (!isNameKey(key) || gramAt(Array.from(gramText(key, fold)), 0, stop).terminal) {
    const s = shard(shardFile('x', shardOf(`h:${key}`, index.config.exact)));
    return (s.k[`h:${key}`] ?? []).map(([kind, i]) => ({ kind, rec: s.r[i]! }));
  }
  expect(anchors(key, stop, fold)[0]).toBe(homeGram(key, stop, fold));
  const s = shard(shardFile('g', shardOf(homeGram(key, stop, fold), index.config.grams)));
  return (s.k[key] ?? []).map(([kind, i]) => ({ kind, rec: s.r[i]! }));
}

function expectFound(text: string, kind: HitKind, id: string, asUrl = false) {
  const found = lookupRecords(text, asUrl);
  expect(
    found.some((f) => f.kind === kind && f.rec.id === id),
    `${kind} ${text} → ${id}`,
  ).toBe(true);
}

describe('coverage', () => {
  it('finds every value of every account, whatever its status', () => {
    expect(registry.accounts.some((a) => a.status === 'deregistered')).toBe(true);
    expect(registry.accounts.some((a) => a.status === 'suspended')).toBe(true);
    for (const a of registry.accounts) {
      if (a.url) expectFound(a.url, 'url', a.id, true);
      expectFound(a.handle, 'handle', a.id);
      for (const id of a.identifiers) expectFound(id, 'ident', a.id, looksLikeUrl(id));
      // Names many accounts share are cut to a few records in full; the count says how many.
      const sharing = registry.accounts.filter((b) => lookupKey(b.name) === lookupKey(a.name)).length;
      if (sharing <= 8) expectFound(a.name, 'name', a.id);
      for (const f of a.formerNames) expectFound(f.value, 'fname', a.id);
      for (const f of a.formerHandles) expectFound(f.value, 'fhandle', a.id);
    }
  });

  it('finds every impostor by link, handle and name, with the account it imitates', () => {
    for (const i of registry.impostors) {
      if (i.url) expectFound(i.url, 'url', i.id, true);
      if (i.handle) expectFound(i.handle, 'handle', i.id);
      expectFound(i.name, 'name', i.id);
      const rec = lookupRecords(i.name, false).find((f) => f.rec.id === i.id)!.rec;
      expect(rec.t === 'i' && rec.im.id).toBe(i.imitates);
    }
  });

  it('finds every unit by its name, short name and aliases', () => {
    for (const u of registry.units) {
      for (const name of [u.name, u.short_name, ...u.aliases]) if (name) expectFound(name, 'uname', u.id);
    }
  });

  it('records closure, notice and successor of a closed account', () => {
    const rec = lookupRecords('5329743744', false).find((f) => f.rec.id === 'jiaoyuju/weibo')!.rec;
    expect(rec).toMatchObject({
      t: 'a',
      s: 'deregistered',
      c: '2025-03-17',
      x: 'https://mp.weixin.qq.com/s/k6xsUDTfudcusS6aA0YtQt',
      su: { id: 'jiaoyuju/wechat', n: '东乡教育', p: 'wechat' },
    });
  });
});

describe('shards', () => {
  it('has a power-of-two number of shards of each kind, every one written and well formed', () => {
    const { exact, grams } = index.config;
    for (const n of [exact, grams]) expect(n & (n - 1)).toBe(0);
    expect(index.files.size).toBe(exact + grams);
    for (const [file, text] of index.files) {
      expect(file).toMatch(/^[xg][0-9a-f]+$/);
      const s = JSON.parse(text) as Shard;
      for (const hits of Object.values(s.k)) for (const [, i] of hits) expect(s.r[i], file).toBeDefined();
      for (const hits of Object.values(s.c ?? {})) for (const [, i] of hits) expect(s.b?.[i], file).toBeDefined();
    }
  });

  it('keeps every shard far below the per-lookup budget (two shards ≤ 50 KB)', () => {
    for (const text of index.files.values()) expect(Buffer.byteLength(text)).toBeLessThan(25 * 1024);
    expect(index.stats.maxGramBytes).toBeLessThan(25 * 1024);
  });

  it('is reproducible, and its version changes with the data', () => {
    const again = buildVerifyIndex(registry);
    expect(again.config.version).toBe(index.config.version);
    expect([...again.files]).toEqual([...index.files]);
    const other = buildVerifyIndex({ ...registry, impostors: registry.impostors.slice(1) });
    expect(other.config.version).not.toBe(index.config.version);
  });

  it('embeds the office contact and the platform catalogue the page needs', () => {
    expect(index.config.office).toEqual({
      name: '东乡族自治县人民政府办公室',
      phone: '0930-7120000',
      email: 'xxzx@dongxiang.example',
      address: '东乡族自治县锁南镇（示例地址）',
    });
    expect(index.config.platforms.map((p) => p.id)).toEqual(registry.platforms.map((p) => p.id));
    expect(index.config.region).toBe('东乡族自治县');
  });

  it('spreads keys over shards by a 32-bit hash', () => {
    expect(hashKey('')).toBe(hashKey(''));
    expect(hashKey('h:dxjy2018')).not.toBe(hashKey('h:dxjy2019'));
    const counts = new Array(16).fill(0) as number[];
    for (let i = 0; i < 16_000; i++) counts[shardOf(`h:user${i}`, 16)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});

describe('name grams', () => {
  it('removes padding words for the skeleton, keeping short names whole', () => {
    expect(skeleton('多彩东乡官方')).toBe('多彩东乡');
    expect(skeleton('东乡县政府发布')).toBe('东乡县政府');
    expect(skeleton('官方发布')).toBe('官方发布');
  });

  it('extends a gram past stop grams, and marks one that runs out as terminal', () => {
    const stop = new Set(['东乡', '东乡教']);
    expect(gramAt(Array.from('东乡教育'), 0, stop)).toEqual({ gram: '东乡教育', start: 0, end: 4, terminal: false });
    expect(gramAt(Array.from('东乡教'), 0, stop)).toMatchObject({ gram: '东乡教', terminal: true });
    expect(keyGrams('东乡教', stop)).toEqual(['东乡教', '乡教']);
    expect(keyGrams('东乡教育局', stop)).toEqual(['东乡教育', '乡教', '教育', '育局']);
  });

  it('makes a gram a stop gram when the names under it weigh more than the cap', () => {
    const weights = new Map<string, { full: number; brief: number }>();
    for (const name of ['东乡教育', '东乡卫健', '东乡文旅', '东乡民政', '锁南发布']) weights.set(name, { full: 300, brief: 60 });
    const stop = computeStop(weights, 1000);
    expect(stop.has('东乡')).toBe(true);
    expect(stop.has('东乡教')).toBe(false);
    expect(stop.has('锁南')).toBe(false);
  });

  it('looks up the first gram of the skeleton and the last non-terminal one', () => {
    const stop = new Set<string>();
    expect(anchors('多彩东乡官方', stop)).toEqual(['多彩', '东乡']);
    expect(anchors('东乡教育', stop)).toEqual(['东乡', '教育']);
    expect(anchors('东乡', stop)).toEqual(['东乡']);
  });

  it('finds a name from a copy with any one character changed (no stop grams)', () => {
    const alphabet = fc.constantFrom(...'东乡教育锁南唐汪卫健文旅民政河滩果园');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 4, maxLength: 10 }), fc.nat(), alphabet, (chars, at, replacement) => {
        const name = chars.join('');
        const i = at % chars.length;
        fc.pre(chars[i] !== replacement);
        const copy = [...chars.slice(0, i), replacement, ...chars.slice(i + 1)].join('');
        const stop = new Set<string>();
        const indexed = new Set(keyGrams(name, stop));
        return anchors(copy, stop).some((g) => indexed.has(g));
      }),
      { numRuns: 500 },
    );
  });
});
