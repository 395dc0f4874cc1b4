/** The loader: one immutable model from a data directory, every problem of every file. */
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusOn } from '../src/lib/model.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { AS_OF, loadFixture, makeFixture } from './helpers/fixture.ts';

describe('registry model', () => {
  const { registry } = loadFixture();
  const r = registry!;

  it('holds every kind of record, sorted', () => {
    expect(r.units.map((u) => u.id)).toEqual(['jiaoyuju', 'suonan-zhen', 'xinxi-zhongxin']);
    expect(r.accounts.map((a) => a.id)).toEqual([
      'jiaoyuju/douyin',
      'jiaoyuju/douyin-old',
      'jiaoyuju/wechat',
      'jiaoyuju/weibo',
      'suonan-zhen/kuaishou',
      'suonan-zhen/wechat',
    ]);
    expect(r.inspections.map((i) => i.date)).toEqual(['2026-11-16', '2026-11-23']);
    expect(r.impostors.map((i) => i.id)).toEqual(['dxjy-fake']);
    expect(r.platforms.map((p) => p.id)).toContain('miniprogram');
    expect(r.accountsByUnit.get('jiaoyuju')).toHaveLength(4);
    expect(r.policy.filing_deadline_working_days).toBe(3);
    expect(r.asOf).toBe(AS_OF);
  });

  it('derives status, dates, former names and successors from the events', () => {
    expect(r.accountById.get('jiaoyuju/wechat')).toMatchObject({
      status: 'active',
      opened: '2019-03-01',
      closed: null,
      formerNames: [{ value: '东乡县教育局', until: '2026-06-03' }],
    });
    expect(r.accountById.get('jiaoyuju/douyin-old')).toMatchObject({
      status: 'deregistered',
      closed: '2025-10-09',
      closureNotice: 'https://mp.weixin.qq.com/s/notice2',
      successor: 'jiaoyuju/douyin',
    });
    expect(r.accountById.get('suonan-zhen/kuaishou')).toMatchObject({ status: 'suspended', closed: '2026-03-02' });
    const kuaishou = r.accountById.get('suonan-zhen/kuaishou')!;
    expect([statusOn(kuaishou, '2025-03-31'), statusOn(kuaishou, '2025-04-01'), statusOn(kuaishou, '2026-03-02')]).toEqual([
      null,
      'active',
      'suspended',
    ]);
  });

  it('knows where every value came from', () => {
    const wechat = r.accountById.get('jiaoyuju/wechat')!;
    expect(wechat.origin.file).toBe('data/units/jiaoyuju/accounts/wechat.yaml');
    expect(wechat.origin.at(['events', 1, 'previous_name'])).toEqual({ file: wechat.origin.file, line: 11, column: 74 });
    expect(r.inspections[1]!.origin.at(['checks', 2, 'last_post']).line).toBe(6);
  });

  it('is immutable', () => {
    const account = r.accountById.get('jiaoyuju/wechat')!;
    expect(() => {
      (account as { name: string }).name = '改名';
    }).toThrow(TypeError);
    expect(() => (account.events as unknown[]).push({})).toThrow(TypeError);
    expect(Object.isFrozen(r.accounts)).toBe(true);
  });
});

describe('loading', () => {
  it('reports every problem of every file in one run', () => {
    const { problems, registry } = loadFixture({
      'units/jiaoyuju/accounts/wechat.yaml': 'name: a\nname: b\n',
      'units/jiaoyuju/accounts/weibo.yaml': 'name:\t[\n',
      'units/suonan-zhen/unit.yaml': Uint8Array.from([0xb6, 0xab, 0xcf, 0xe7, 0x3a, 0x20, 0x31]),
      'units/suonan-zhen/accounts/wechat.yaml': (t) =>
        t.replace('date: 2025-01-24', 'date: 2025-1-24').replace('operation: self', 'operation: mine'),
      'impostors/extra.yml': 'x: 1\n',
    });
    // A `.yml` file is checked like the `.yaml` file it should be: the rename and its own problems in one round.
    const yml = problems.filter((p) => p.file === 'data/impostors/extra.yml');
    expect(yml.map((p) => p.code)).toContain('stray-file.extension');
    expect(yml.map((p) => p.code)).toContain('schema.unknown-key');
    expect(yml.map((p) => p.code)).toContain('schema.missing');
    expect(problems.filter((p) => !yml.includes(p)).map((p) => [p.file, p.rule])).toEqual([
      ['data/units/jiaoyuju/accounts/wechat.yaml', 'yaml-duplicate-key'],
      ['data/units/jiaoyuju/accounts/weibo.yaml', 'yaml-syntax'],
      ['data/units/suonan-zhen/accounts/wechat.yaml', 'schema'],
      ['data/units/suonan-zhen/accounts/wechat.yaml', 'schema'],
      ['data/units/suonan-zhen/unit.yaml', 'encoding'],
    ]);
    // The valid files are still in the model.
    expect(registry?.accounts.map((a) => a.id)).toEqual(['jiaoyuju/douyin', 'jiaoyuju/douyin-old', 'suonan-zhen/kuaishou']);
  });

  it('refuses symlinks and oversized files', () => {
    const data = makeFixture();
    symlinkSync('/etc/passwd', path.join(data, 'impostors', 'passwd.yaml'));
    symlinkSync('..', path.join(data, 'units', 'loop'));
    writeFileSync(path.join(data, 'impostors', 'big.yaml'), `note: "${'x'.repeat(2 * 1024 * 1024)}"\n`);
    const { problems } = loadRegistry(data, { asOf: AS_OF });
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['data/impostors/big.yaml', 'yaml-unsafe.too-large'],
      ['data/impostors/passwd.yaml', 'yaml-unsafe.symlink'],
      ['data/units/loop', 'yaml-unsafe.symlink'],
    ]);
  });

  it('explains files outside the layout', () => {
    const { problems } = loadFixture({
      'units/jiaoyuju/wechat.yaml': 'x: 1\n',
      'units/Jiao_Yu/unit.yaml': 'x: 1\n',
      'inspections/2026-11-30.yaml': 'x: 1\n',
      'notes.txt': 'x',
    });
    expect(problems.map((p) => [p.file, p.rule])).toEqual([
      ['data/inspections/2026-11-30.yaml', 'stray-file'],
      ['data/notes.txt', 'stray-file'],
      ['data/units/Jiao_Yu/unit.yaml', 'stray-file'],
      ['data/units/jiaoyuju/wechat.yaml', 'stray-file'],
    ]);
    expect(problems[3]?.message).toContain('units/jiaoyuju/accounts/');
  });

  it('has no model without its shared files, but still checks the rest', () => {
    const result = loadFixture({
      'platforms.yaml': null,
      'units/jiaoyuju/accounts/weibo.yaml': (t) => t.replace('date: 2026-02-13', 'date: 2026-2-13'),
    });
    expect(result.registry).toBeNull();
    expect(result.problems.map((p) => [p.file, p.code])).toEqual([
      ['data/platforms.yaml', 'schema.required-file'],
      ['data/units/jiaoyuju/accounts/weibo.yaml', 'schema.date'],
    ]);
  });
});
