/**
 * The URL forms catalogue of data/platforms.yaml: every form of every platform has a
 * real-looking example, and every example normalises to the canonical form of the account id it
 * names, through the one normaliser the validator, the verify index and the page use. A
 * platform's home page or search page names no account; verify does not take one for an account.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { urlFormId, urlKey } from '../src/shared/normalize.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import type { Platform } from '../src/lib/schema/platforms.ts';
import { buildVerifyIndex, type VerifyIndex } from '../src/lib/verify/build.ts';
import type { Shard } from '../src/shared/verify/format.ts';
import { verify } from '../src/shared/verify/lookup.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

const { registry } = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF });
const platforms = registry!.platforms;
let index: VerifyIndex;
beforeAll(() => {
  index = buildVerifyIndex(registry!);
});

/** The canonical key of an id on a platform: its first form, or its identity parameter. */
function canonical(p: Platform, id: string): string {
  if (p.url_forms.length === 0) return `${p.hosts[0]}?${p.identity_params[0]}=${id}`;
  return p.url_forms[0]!.replace(/^https:\/\/(www\.)?/, '')
    .replace(/\/\{\*\*\}$/, '')
    .replace('{id}', id)
    .replace(/\/$/, '');
}

describe('the catalogue', () => {
  const withPages = platforms.filter((p) => p.url_required);
  it('covers every platform with public pages', () => {
    expect(withPages.map((p) => p.id)).toEqual(['wechat', 'weibo', 'douyin', 'kuaishou', 'toutiao', 'bilibili', 'xiaohongshu', 'app']);
    for (const p of withPages) expect(p.url_examples.length, p.id).toBeGreaterThan(0);
  });

  it.each(platforms.flatMap((p) => p.url_forms.map((form) => [p.id, form] as const)))('%s form %s has an example', (id, form) => {
    const p = platforms.find((x) => x.id === id)!;
    const only = [{ ...p, url_forms: [form] }];
    expect(p.url_examples.some((e) => urlFormId(e.url, only)?.id === e.id)).toBe(true);
  });

  it.each(platforms.flatMap((p) => p.url_examples.map((e) => [p.id, e.url, e.id] as const)))('%s: %s names %s', (id, url, account) => {
    const p = platforms.find((x) => x.id === id)!;
    expect(urlKey(url, platforms)).toBe(canonical(p, account));
    if (p.url_forms.length > 0) expect(urlFormId(url, platforms)).toMatchObject({ platform: { id }, id: account });
  });

  it('keeps an app name slug, a country code and a sub-page out of the key', () => {
    expect(urlKey('https://apps.apple.com/hk/app/東鄉發布/id1234567890?mt=8', platforms)).toBe('apps.apple.com/cn/app/id1234567890');
    expect(urlKey('https://space.bilibili.com/3461234567890123/fans/follow', platforms)).toBe('space.bilibili.com/3461234567890123');
  });
});

describe('home and search pages are not accounts', () => {
  it.each(['https://weibo.com/', 'https://www.douyin.com/search/东乡发布', 'https://www.kuaishou.com/search/author?searchKey=东乡'])(
    '%s names no account',
    async (url) => {
      expect(urlFormId(url, platforms)).toBeNull();
      const r = await verify(url, index.config, async (f) => JSON.parse(index.files.get(f)!) as Shard);
      expect(r.verdict).toBe('unknown');
      expect(r.hint).toBe('platform-page');
    },
  );
});
