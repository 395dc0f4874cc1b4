/**
 * The filing number and the two-way proof where a citizen meets them: the account page (number,
 * and "this account states 备案编号 … on its profile, last checked …", or that no proof is
 * recorded, or that the latest inspection no longer found it), the 备案登记表, the poster and the
 * Atom feed. Rendered from the sample data at a pinned date.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../src/lib/model.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { atomFeed } from '../src/site/atom.ts';
import { accountBody, accountHead } from '../src/site/render/account.ts';
import { filingForm } from '../src/site/render/form.ts';
import { posterBody } from '../src/site/render/poster.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

let registry: Registry;
beforeAll(() => {
  registry = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!;
});

/** The text of an HTML fragment (tags removed). */
const text = (html: unknown) => String(html).replace(/<[^>]+>/g, '');
const proofOf = (id: string) =>
  /<div class="proof" data-proof="(\w+)"><p>([^<]*)<\/p>/.exec(String(accountHead(registry, registry.accountById.get(id)!)));

describe('account page', () => {
  it('states where the account shows its number and when it was last checked, as of the latest inspection', () => {
    // Checked in the filing on 2026-11-16; the 2026-11-23 inspection confirmed it.
    expect(proofOf('jiaoyuju/wechat')?.slice(1)).toEqual([
      'proven',
      '本账号在简介中标明备案编号 622926-2019-0001，最近核对于 2026-11-23。可在 App 中对照账号上显示的内容。',
    ]);
    expect(text(accountHead(registry, registry.accountById.get('jiaoyuju/wechat')!))).toContain(
      '账号上显示：「政务新媒体备案编号 622926-2019-0001」',
    );
  });

  it('says when the check is old, when no proof is recorded, and when an inspection found it changed', () => {
    expect(proofOf('bulenggou-cun/douyin')?.slice(1)).toEqual([
      'stale',
      '本账号在菜单中标明备案编号 622926-2023-0007，最近核对于 2026-07-20（已超过 90 天未核对）。可在 App 中对照账号上显示的内容。',
    ]);
    expect(proofOf('beiling-xiang/channels')?.slice(1)).toEqual([
      'missing',
      '该账号尚未登记在平台上标明备案编号 622926-2026-0002 的位置（双向核验），请以本名录登记的账号 ID 和认证主体为准。',
    ]);
    expect(proofOf('chejiawan-xiang/douyin')?.slice(1)).toEqual([
      'missing',
      '2026-11-23 巡查时，该账号上的备案编号 622926-2023-0006 已被改动：请以本名录登记的账号 ID 和认证主体为准。',
    ]);
  });

  it('shows the number in the filing, kept and marked as no longer used after closure', () => {
    const closed = registry.accountById.get('jiaoyuju/weibo')!;
    expect(closed.status).toBe('deregistered');
    expect(proofOf('jiaoyuju/weibo')).toBeNull();
    expect(text(accountBody(registry, closed))).toContain('备案编号622926-2014-0004（账号已注销，编号保留，不再使用）');
    expect(text(accountBody(registry, registry.accountById.get('jiaoyuju/wechat')!))).toContain('备案编号622926-2019-0001账号名称');
  });
});

describe('form, poster and feed', () => {
  it('the 备案登记表 carries the filing number and the account id', () => {
    expect(text(filingForm(registry, registry.accountById.get('jiaoyuju/wechat')!))).toContain(
      '备案编号：622926-2019-0001账号编号：jiaoyuju/wechat',
    );
  });

  it('the poster shows each account’s filing number', () => {
    const poster = text(posterBody(registry, registry.unitById.get('jiaoyuju')!, 'https://registry.example/', () => '<svg></svg>'));
    for (const a of registry.accountsByUnit.get('jiaoyuju')!.filter((x) => x.status === 'active'))
      expect(poster).toContain(`备案编号：${a.filing_number}`);
  });

  it('the feed names the filing number of each entry’s account', () => {
    const feed = atomFeed(registry, (p) => `https://registry.example${p}`);
    const first =
      /<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="https:\/\/registry.example\/units\/([^#]+)\/#[\s\S]*?<summary>([^<]*)<\/summary>/.exec(
        feed,
      )!;
    expect(first[2]).toContain(`（备案编号 ${registry.accountById.get(first[1]!)!.filing_number}）`);
  });
});
