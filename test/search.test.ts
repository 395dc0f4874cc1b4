/**
 * Search on the sample registry through Pagefind's own search API: the index the build writes,
 * Pagefind's pagefind.js and WebAssembly, and the search page's engine (src/client/search-engine.ts),
 * queried as people type — 教育, 锁南, a handle, a former name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearch, type SearchSession } from '../bench/build-search.ts';
import type { AccountHit, Hit, SearchFilters } from '../src/client/search-engine.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { buildSearchIndex } from '../src/site/build.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

let dir: string;
let session: SearchSession;

beforeAll(async () => {
  const { registry } = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF });
  dir = mkdtempSync(path.join(os.tmpdir(), 'registry-search-'));
  await buildSearchIndex(registry!, dir, '/');
  session = await openSearch(dir);
});
afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every account a list of hits shows, in order (a unit hit shows its accounts). */
function accounts(hits: Hit[]): AccountHit[] {
  return hits.flatMap((h) => (h.type === 'account' ? [h] : h.type === 'unit' ? h.accounts : []));
}

async function hits(query: string, filters?: SearchFilters): Promise<Hit[]> {
  return (await session.query(query, filters)).hits;
}

describe('search on the built index', () => {
  it('finds 东乡族自治县教育局 from 教育', async () => {
    const result = await hits('教育');
    const unit = result.find((h) => h.type === 'unit' && h.unit === 'jiaoyuju');
    expect(unit).toMatchObject({ type: 'unit', name: '东乡族自治县教育局', group: 'u' });
    // Its accounts in use come with it, in use and official.
    expect(accounts([unit!]).map((a) => a.id)).toContain('jiaoyuju/wechat');
    expect(accounts([unit!]).every((a) => a.status === 'active')).toBe(true);
  });

  it('finds 锁南镇 and its WeChat account (锁南发布) from 锁南, and the account from its exact name', async () => {
    const result = await hits('锁南');
    expect(result[0]).toMatchObject({ type: 'unit', unit: 'suonan-zhen', name: '东乡族自治县锁南镇人民政府' });
    expect(accounts(result).map((a) => `${a.id} ${a.name}`)).toContain('suonan-zhen/wechat 锁南发布');
    const exact = accounts(await hits('锁南发布', { platform: 'wechat' }));
    expect(exact[0]).toMatchObject({ id: 'suonan-zhen/wechat', name: '锁南发布', exact: true });
  });

  it('finds 锁南发布 when people guess its name as 锁南镇发布, and says the match is close, not exact', async () => {
    const outcome = await session.query('锁南镇发布');
    expect(accounts(outcome.hits).map((a) => a.id)).toContain('suonan-zhen/wechat');
    expect(outcome.relaxed).toBe(true);
    expect((await session.query('锁南发布')).relaxed).toBe(false);
  });

  it('finds an account from its handle, typed whole, in full-width or by its start', async () => {
    for (const query of ['duocaidongxiang', 'ＤＵＯＣＡＩＤＯＮＧＸＩＡＮＧ', 'duocaidong']) {
      expect(
        accounts(await hits(query)).map((a) => a.id),
        query,
      ).toContain('rongmeiti-zhongxin/wechat');
    }
    // dxsuonan is the WeChat account's handle and the start of the Kuaishou one's (dxsuonanks): the exact one comes first.
    const byHandle = accounts(await hits('dxsuonan'));
    expect(byHandle.map((a) => [a.id, a.exact])).toEqual([
      ['suonan-zhen/wechat', true],
      ['suonan-zhen/kuaishou', false],
    ]);
  });

  it('finds accounts by a former name or former handle', async () => {
    const renamed = accounts(await hits('东乡融媒'));
    expect(renamed.find((a) => a.id === 'rongmeiti-zhongxin/douyin')?.formerNames).toContain('东乡融媒');
    expect(accounts(await hits('twfb2017')).map((a) => a.id)).toEqual(['tangwang-zhen/wechat']);
  });

  it('ranks official accounts above closed ones and impostors', async () => {
    const outcome = await session.query('多彩东乡');
    const kinds = outcome.hits.map((h) =>
      h.type === 'impostor' ? 'impostor' : accounts([h]).every((a) => a.status === 'active') ? 'official' : 'closed',
    );
    expect(kinds[0]).toBe('official');
    expect(kinds.indexOf('impostor')).toBeGreaterThan(kinds.lastIndexOf('official'));
    const impostor = outcome.hits.find((h) => h.type === 'impostor' && h.name === '多彩东乡官方');
    expect(impostor).toMatchObject({ handle: 'duocaidx_gf', imitates: 'rongmeiti-zhongxin/wechat' });
    expect(impostor && 'removed' in impostor).toBe(false);
  });

  it('shows a closed account as closed, with its successor', async () => {
    const weibo = accounts(await hits('5329743744'));
    expect(weibo).toEqual([
      expect.objectContaining({ id: 'jiaoyuju/weibo', status: 'deregistered', successor: 'jiaoyuju/wechat', closed: '2025-03-17' }),
    ]);
  });

  it('finds an impostor by its handle, and says the platform removed it', async () => {
    const result = await hits('dxxzf_fabu');
    expect(result).toEqual([
      expect.objectContaining({ type: 'impostor', name: '东乡县政府发布', imitates: 'xianzhengfuban/douyin', removed: expect.any(String) }),
    ]);
  });

  it('narrows by platform, unit kind and status', async () => {
    const douyin = accounts(await hits('东乡', { platform: 'douyin' }));
    expect(douyin.length).toBeGreaterThan(1);
    expect(douyin.every((a) => a.platform === 'douyin')).toBe(true);

    const townships = await hits('发布', { kind: 'township' });
    expect(townships.length).toBeGreaterThan(0);
    const { registry } = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF });
    for (const a of accounts(townships)) expect(registry!.unitById.get(a.unit)?.kind, a.id).toBe('township');

    const closed = accounts(await hits('东乡', { status: 'closed' }));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((a) => a.status !== 'active')).toBe(true);
    expect((await hits('多彩东乡', { status: 'impostor' })).every((h) => h.type === 'impostor')).toBe(true);
  });

  it('finds nothing for a name that is not in the registry', async () => {
    expect(await hits('不存在的单位名称')).toEqual([]);
    expect(await hits('zzzznotahandle')).toEqual([]);
  });

  it('downloads little after the first query', async () => {
    const later = await session.query('锁南镇');
    // Nothing of the start-up (pagefind.js, WebAssembly, metadata) is fetched again.
    expect(later.files.filter((f) => /pagefind\.js|\.pagefind$|pf_meta|entry/.test(f))).toEqual([]);
    expect(later.bytes).toBeLessThan(40 * 1024);
  });
});
