/** What the pages derive from the model: pagination, listing order, impostor anchors, the feed, shared names and badges. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../src/lib/model.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { atomFeed, escapeXml, FEED_ENTRIES } from '../src/site/atom.ts';
import { platformName, statusBadge, unitName } from '../src/site/labels.ts';
import { impostorPath } from '../src/site/links.ts';
import { pageCount, pageOfRow, pageParams, pagePath, pageRows } from '../src/site/paging.ts';
import { views } from '../src/site/views.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

let registry: Registry;
beforeAll(() => {
  registry = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!;
});

describe('pagination', () => {
  it('cuts listings into pages: page 1 at the listing path, then <path><n>/', () => {
    expect(pageCount(0, 200)).toBe(1);
    expect(pageCount(200, 200)).toBe(1);
    expect(pageCount(201, 200)).toBe(2);
    expect(pageParams(401, 200)).toEqual([
      { page: undefined, number: 1 },
      { page: '2', number: 2 },
      { page: '3', number: 3 },
    ]);
    expect(pagePath('/closed/', 1)).toBe('/closed/');
    expect(pagePath('/closed/', 3)).toBe('/closed/3/');
    const rows = Array.from({ length: 450 }, (_, i) => i);
    expect(pageRows(rows, 3, 200)).toEqual(rows.slice(400));
    expect(pageOfRow(199, 200)).toBe(1);
    expect(pageOfRow(200, 200)).toBe(2);
  });
});

describe('views', () => {
  it('lists closed accounts latest closure first', () => {
    const closed = views(registry).closed;
    expect(closed.length).toBe(registry.accounts.filter((a) => a.status !== 'active').length);
    for (let i = 1; i < closed.length; i++) expect(closed[i - 1]!.closed! >= closed[i]!.closed!).toBe(true);
    expect(closed.map((a) => a.id)).toContain('jiaoyuju/weibo');
  });

  it('lists every lifecycle event latest first', () => {
    const events = views(registry).events;
    expect(events.length).toBe(registry.accounts.reduce((n, a) => n + a.events.length, 0));
    for (let i = 1; i < events.length; i++) expect(events[i - 1]!.event.date >= events[i]!.event.date).toBe(true);
  });

  it('lists impostors still online first, and finds them by what they imitate', () => {
    const v = views(registry);
    const online = v.impostors.filter((i) => !i.removed).length;
    expect(v.impostors.slice(0, online).every((i) => !i.removed)).toBe(true);
    expect(v.impostorsByTarget.get('rongmeiti-zhongxin/wechat')?.map((i) => i.handle)).toContain('duocaidx_gf');
    // An impostor of an account is also listed under the account's unit.
    expect(v.impostorsByTarget.get('rongmeiti-zhongxin')?.map((i) => i.handle)).toContain('duocaidx_gf');
    expect(impostorPath(registry, 'wechat-duocai-dongxiang-guanfang')).toBe('/impostors/#wechat-duocai-dongxiang-guanfang');
  });

  it('knows each account’s latest inspection and the accounts that handed over to it', () => {
    const v = views(registry);
    expect(v.latestCheck.get('jiaoyuju/wechat')?.date).toBe('2026-11-23');
    expect(v.predecessors.get('jiaoyuju/wechat')?.map((a) => a.id)).toContain('jiaoyuju/weibo');
    expect(v.predecessors.get('weijianju/wechat')?.map((a) => a.id)).toContain('weijianju/weibo');
  });
});

describe('Atom feed', () => {
  it('escapes text for XML', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('holds the latest events, dated from the data, linking into the account timelines', () => {
    const feed = atomFeed(registry, (p) => `https://registry.example${p}`);
    expect(feed.match(/<entry>/g)).toHaveLength(FEED_ENTRIES);
    const latest = views(registry).events[0]!;
    expect(feed).toContain(`<published>${latest.event.date}T00:00:00+08:00</published>`);
    expect(feed).toContain(`https://registry.example/units/${latest.account.id}/#event-${latest.index + 1}`);
    expect(feed).not.toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(atomFeed(registry, (p) => `https://registry.example${p}`)).toBe(feed);
  });
});

describe('poster advice', () => {
  it('never names as an impostor mark a word in the official names it lists (唐汪发布 is official)', async () => {
    const { posterBody } = await import('../src/site/render/poster.ts');
    const tangwang = registry.units.find((u) => u.id === 'tangwang-zhen')!;
    const names = (registry.accountsByUnit.get(tangwang.id) ?? []).filter((a) => a.status === 'active').map((a) => a.name);
    expect(names.some((n) => n.includes('发布'))).toBe(true);
    for (const unit of registry.units) {
      const poster = posterBody(registry, unit, 'https://registry.example/', () => '<svg></svg>').value;
      const warning = /<section class="poster-warning"[\s\S]*?<\/section>/.exec(poster)![0].replace(/<[^>]+>/g, '');
      expect(warning).toContain('账号 ID');
      const marks = [...warning.matchAll(/「([^」]+)」/g)].map((m) => m[1]!);
      const listed = (registry.accountsByUnit.get(unit.id) ?? []).filter((a) => a.status === 'active').map((a) => a.name);
      expect(listed.filter((n) => marks.some((m) => n.includes(m)))).toEqual([]);
    }
  });
});

describe('names and badges shared by the components and the bulk renderers', () => {
  it('names platforms and units from the catalogue, falling back to the id', () => {
    const account = registry.accounts[0]!;
    expect(platformName(registry, account.platform)).toBe(registry.platformById.get(account.platform)!.name);
    expect(platformName(registry, 'no-such-platform')).toBe('no-such-platform');
    expect(unitName(registry, account.unit)).toBe(registry.unitById.get(account.unit)!.name);
    expect(unitName(registry, 'no-such-unit')).toBe('no-such-unit');
  });

  it('gives each status its badge class (styled in src/styles/global.css) and Chinese text', () => {
    expect(statusBadge('active')).toEqual({ class: 'badge active', text: '在用' });
    expect(statusBadge('suspended')).toEqual({ class: 'badge suspended', text: '已关停' });
    expect(statusBadge('deregistered')).toEqual({ class: 'badge deregistered', text: '已注销' });
  });
});
