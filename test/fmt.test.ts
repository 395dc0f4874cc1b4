/**
 * The canonical data format (`npm run fmt:data`): layout rules, quoting, comment preservation,
 * idempotence, value preservation (property-based), the unified diff and the CLI.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Document, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runFmtData } from '../src/cli/fmt-data.ts';
import type { Io } from '../src/cli/validate.ts';
import { formatDataText, formatDocument, PARSE_OPTIONS } from '../src/lib/format/canonical.ts';
import { formatDataDir } from '../src/lib/format/data-files.ts';
import { unifiedDiff } from '../src/lib/format/diff.ts';
import { canBePlain, inlineString } from '../src/lib/format/scalar.ts';
import type { FileKind } from '../src/lib/schema/index.ts';
import { FIXTURE, makeFixture, REPO } from './helpers/fixture.ts';

const ACCOUNT = 'units/jiaoyuju/accounts/weibo.yaml';

/** Formats an account file's text (must succeed). */
function fmt(text: string, kind: FileKind = 'account', rel = ACCOUNT): string {
  const result = formatDataText(text, kind, { rel });
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

function run(argv: string[], cwd = REPO) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, cwd, isTTY: false };
  return { code: runFmtData(argv, io), stdout, stderr };
}

describe('layout', () => {
  it('orders keys as the schema does, note last, unknown keys after them', () => {
    const text = [
      'events:',
      '  - { note: 首次开设, filed: 2025-03-04, date: 2025-03-01, type: opened }',
      'waiver: null',
      'purpose: 发布教育政策',
      'zzz_unknown: 1',
      'handle: dxjy2018',
      'platform: wechat',
      'name: 东乡教育',
      'operation: self',
      'verified_as: 东乡族自治县教育局',
      'url: null',
      'note: 备注',
      '',
    ].join('\n');
    expect(fmt(text)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../../schemas/account.schema.json
      name: 东乡教育
      platform: wechat
      handle: dxjy2018
      url: null
      verified_as: 东乡族自治县教育局
      purpose: 发布教育政策
      operation: self
      events:
        - { type: opened, date: 2025-03-01, filed: 2025-03-04, note: 首次开设 }
      waiver: null
      note: 备注
      zzz_unknown: 1
      "
    `);
  });

  it('puts each event on one line, in the order of its own variant, and nested mappings in blocks', () => {
    const text = [
      'name: 东乡教育',
      'events:',
      '  - type: opened',
      '    date: 2019-03-01',
      '    filed: 2019-03-04',
      '  - {note: 统一名称, previous_name: 东乡县教育局, type: changed, filed: 2024-06-05, date: 2024-06-03}',
      '  - {successor: jiaoyuju/wechat, type: deregistered, notice_url: "https://mp.weixin.qq.com/s/abc", date: 2025-03-17, filed: 2025-03-19}',
      'waiver: {approved_on: 2025-01-02, reason: 服务号办事, approved_by: 县政府办公室}',
      '',
    ].join('\n');
    expect(fmt(text)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../../schemas/account.schema.json
      name: 东乡教育
      events:
        - { type: opened, date: 2019-03-01, filed: 2019-03-04 }
        - { type: changed, date: 2024-06-03, filed: 2024-06-05, previous_name: 东乡县教育局, note: 统一名称 }
        - { type: deregistered, date: 2025-03-17, filed: 2025-03-19, notice_url: https://mp.weixin.qq.com/s/abc, successor: jiaoyuju/wechat }
      waiver:
        reason: 服务号办事
        approved_by: 县政府办公室
        approved_on: 2025-01-02
      "
    `);
  });

  it('writes scalar lists on one line unless an item holds a flow indicator, and checks one per line', () => {
    const platforms = [
      'platforms:',
      '  - id: weibo',
      '    name: 新浪微博',
      '    kind: social',
      '    hosts:',
      '      - weibo.com',
      '      - "*.gov.cn"',
      '    url_required: true',
      '    handle_label: 微博 UID',
      '    handle_pattern: "\\\\d{5,11}"',
      '    handle_hint: 5–11 位数字',
      '    handle_example: "5123456789"',
      '    url_forms: [ "https://weibo.com/u/{id}", "https://m.weibo.cn/u/{id}" ]',
      '',
    ].join('\n');
    expect(fmt(platforms, 'platforms', 'platforms.yaml')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/platforms.schema.json
      platforms:
        - id: weibo
          name: 新浪微博
          kind: social
          hosts: [weibo.com, '*.gov.cn']
          url_required: true
          handle_label: 微博 UID
          handle_pattern: '\\d{5,11}'
          handle_hint: 5–11 位数字
          handle_example: "5123456789"
          url_forms:
            - https://weibo.com/u/{id}
            - https://m.weibo.cn/u/{id}
      "
    `);
    const inspection =
      'date: 2026-11-23\ninspector: xinxi-zhongxin\nchecks:\n  - account: jiaoyuju/wechat\n    findings:\n      - stale\n    last_post: 2026-11-01\nrectifications: []\n';
    expect(fmt(inspection, 'inspection', 'inspections/2026/2026-11-23.yaml')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../schemas/inspection.schema.json
      date: 2026-11-23
      inspector: xinxi-zhongxin
      checks:
        - { account: jiaoyuju/wechat, last_post: 2026-11-01, findings: [stale] }
      rectifications: []
      "
    `);
  });

  it('fixes the schema line, strips a BOM and CRLF line ends, and drops blank lines at the ends', () => {
    const text =
      '\uFEFF\r\n# yaml-language-server: $schema=../wrong/account.schema.json\r\nname: 东乡教育\r\n\r\n\r\n\r\nplatform: wechat\r\n\r\n';
    expect(fmt(text)).toBe('# yaml-language-server: $schema=../../../../schemas/account.schema.json\nname: 东乡教育\n\nplatform: wechat\n');
  });
});

describe('quoting', () => {
  it.each([
    ['5329743744', '"5329743744"'],
    ['0930', '"0930"'],
    ['1e3', '"1e3"'],
    ['null', '"null"'],
    ['true', '"true"'],
    ['~', '"~"'],
    ['2026-11-23', '2026-11-23'],
    ['0930-7121234', '0930-7121234'],
    ['东乡教育', '东乡教育'],
    ['@dongxiang/jiaoyuju', '"@dongxiang/jiaoyuju"'],
    ['a: b', '"a: b"'],
    ['a #b', '"a #b"'],
    [' 前后有空格 ', '" 前后有空格 "'],
    ['东乡\u200b教育', '"东乡\\u200B教育"'],
    ['\u202e育教乡东', '"\\u202E育教乡东"'],
    ['\\d{6,20}', "'\\d{6,20}'"],
    ['[A-Za-z0-9_]{2,30}', "'[A-Za-z0-9_]{2,30}'"],
    ['*.gov.cn', "'*.gov.cn'"],
    ["it's [x]", "'it''s [x]'"],
    [
      'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NzQ2NjQ1Mg==',
      'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NzQ2NjQ1Mg==',
    ],
  ])('%j is written %s', (value, expected) => {
    expect(inlineString(value, false)).toBe(expected);
    expect(parse(`k: ${expected}`, { version: '1.2' })).toEqual({ k: value });
  });

  it('never writes plain text that reads back as another value, in block or flow context', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.boolean(), (value, flow) => {
        const text = inlineString(value, flow);
        const doc = flow ? `k: [${text}, { x: ${text} }]` : `k: ${text}`;
        const expected = flow ? { k: [value, { x: value }] } : { k: value };
        expect(parse(doc, { version: '1.2', schema: 'core' })).toEqual(expected);
        if (canBePlain(value, flow)) expect(text).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes multi-line text as a literal block, and flow values containing line breaks double-quoted', () => {
    const text = 'purpose: |-\n  第一行\n  第二行\nevents:\n  - { type: opened, date: 2025-03-01, filed: 2025-03-04, note: "甲\\n乙" }\n';
    expect(fmt(text)).toContain('purpose: |-\n  第一行\n  第二行\n');
    expect(fmt(text)).toContain('note: "甲\\n乙" }');
  });
});

describe('comments', () => {
  const commented = [
    '# yaml-language-server: $schema=../../../../schemas/account.schema.json',
    '# 文件说明：长期无互动，2025 年注销',
    '',
    '# 账号名称',
    'name: 东乡教育   # 平台上显示的名称',
    'platform: weibo # 新浪微博',
    'handle: "5329743744"',
    'events:  # 按日期排列',
    '  # 第一项',
    '  - { type: opened, date: 2014-09-10, filed: 2014-09-12 }  # 开设',
    '  - { type: deregistered,',
    '      # 写在记录中间的注释',
    '      date: 2025-03-17, filed: 2025-03-19 }',
    '  # 列表末尾的注释',
    'url: https://weibo.com/u/5329743744',
    '',
    '# 文件末尾的注释',
    '',
  ].join('\n');

  it('keeps every comment: above keys and items, at line ends, inside records (moved above), at the end', () => {
    expect(fmt(commented)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../../schemas/account.schema.json
      # 文件说明：长期无互动，2025 年注销

      # 账号名称
      name: 东乡教育   # 平台上显示的名称
      platform: weibo  # 新浪微博
      handle: "5329743744"
      url: https://weibo.com/u/5329743744
      events:  # 按日期排列
        # 第一项
        - { type: opened, date: 2014-09-10, filed: 2014-09-12 }  # 开设
        # 写在记录中间的注释
        - { type: deregistered, date: 2025-03-17, filed: 2025-03-19 }
        # 列表末尾的注释

      # 文件末尾的注释
      "
    `);
  });

  it('moves a comment written above a key with that key, even after a nested list or block', () => {
    const text = [
      'events:',
      '  - { type: opened, date: 2014-09-10, filed: 2014-09-12 }',
      '  # 事项末尾',
      '',
      '# 关于名称',
      'name: 东乡教育',
      'waiver:',
      '  reason: 服务号',
      '  # 理由之后',
      '# 关于平台',
      'platform: weibo',
      '',
    ].join('\n');
    const once = fmt(text);
    expect(once).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../../schemas/account.schema.json
      # 关于名称
      name: 东乡教育
      # 关于平台
      platform: weibo
      events:
        - { type: opened, date: 2014-09-10, filed: 2014-09-12 }
        # 事项末尾
      waiver:
        reason: 服务号
        # 理由之后
      "
    `);
    expect(fmt(once)).toBe(once);
  });

  it('is idempotent on the commented file', () => {
    const once = fmt(commented);
    expect(fmt(once)).toBe(once);
  });
});

describe('whole directories', () => {
  it('finds the sample data canonical (CI runs npm run fmt:data -- --check)', () => {
    const results = formatDataDir(path.join(REPO, 'data'));
    expect(results.length).toBeGreaterThan(200);
    expect(results.filter((r) => r.skipped)).toEqual([]);
    expect(results.filter((r) => r.after !== r.before).map((r) => r.file)).toEqual([]);
  });

  it('is idempotent and value-preserving on every fixture file, valid or not', () => {
    const dirs = [path.join(REPO, 'test/fixtures/schema')];
    let formatted = 0;
    for (const dir of dirs) {
      for (const kind of readdirSync(dir)) {
        for (const name of readdirSync(path.join(dir, kind))) {
          const text = readFileSync(path.join(dir, kind, name), 'utf8');
          const first = formatDataText(text, kind as FileKind, { rel: `x/${name}` });
          if (!first.ok) continue;
          formatted++;
          expect(parse(first.text, PARSE_OPTIONS), name).toEqual(parse(text, PARSE_OPTIONS));
          const second = formatDataText(first.text, kind as FileKind, { rel: `x/${name}` });
          expect(second.ok && second.text, name).toBe(first.text);
        }
      }
    }
    for (const r of formatDataDir(FIXTURE)) {
      expect(r.skipped, r.file).toBeUndefined();
      const where = { rel: r.file.replace(/^data\//, ''), abs: r.abs, schemaDir: path.join(REPO, 'schemas') };
      expect(formatDataText(r.after!, r.kind, where)).toEqual({ ok: true, text: r.after });
      formatted++;
    }
    expect(formatted).toBeGreaterThan(50);
  });

  it('leaves files the loader refuses alone, saying why', () => {
    const dir = makeFixture({ [ACCOUNT]: 'name: [unclosed\n', 'units/jiaoyuju/accounts/douyin.yaml': 'name: &a x\nplatform: *a\n' });
    const skipped = formatDataDir(dir).filter((r) => r.skipped);
    expect(skipped.map((r) => [r.file, r.skipped!.line])).toEqual([
      ['data/units/jiaoyuju/accounts/douyin.yaml', 1],
      ['data/units/jiaoyuju/accounts/weibo.yaml', 2],
    ]);
    expect(skipped[0]!.skipped!.reason).toContain('锚点');
  });
});

describe('value preservation (property)', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(
      '0930',
      '5329743744',
      'null',
      'true',
      '2026-11-23',
      'a: b',
      '#x',
      '- x',
      '@team',
      '\\d+',
      '多彩东乡',
      '甲\n乙',
      ' ',
      '',
    ),
  );
  const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
  const event = fc.record(
    { type: fc.constantFrom('opened', 'changed', 'suspended'), date: text, filed: text, note: fc.option(text, { nil: undefined }) },
    { requiredKeys: ['type', 'date'] },
  );
  const account = fc.record({
    name: text,
    handle: scalar,
    identifiers: fc.array(text, { maxLength: 4 }),
    purpose: text,
    events: fc.array(event, { maxLength: 4 }),
    waiver: fc.option(fc.record({ reason: text, approved_by: text }), { nil: null }),
    extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), scalar, { maxKeys: 3 }),
  });

  it('formats any account-like data to text that reads back as the same data, and formats that text to itself', () => {
    fc.assert(
      fc.property(account, (value) => {
        const data = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
        const doc = new Document(data, { version: '1.2' });
        const out = formatDocument(doc, 'account', '../schemas/account.schema.json');
        expect(parse(out, PARSE_OPTIONS)).toEqual(data);
        const again = formatDataText(out, 'account', { rel: 'x.yaml' });
        if (again.ok) expect(again.text.replace(/^# yaml-language-server.*\n/, '')).toBe(out.replace(/^# yaml-language-server.*\n/, ''));
      }),
      { numRuns: 400 },
    );
  });
});

describe('unified diff', () => {
  it('prints hunks like diff -u', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    expect(unifiedDiff(before, after, 'a/x', 'b/x')).toMatchInlineSnapshot(`
      "--- a/x
      +++ b/x
      @@ -1,5 +1,5 @@
       a
      -b
      +B
       c
       d
       e
      @@ -8,3 +8,4 @@
       h
       i
       j
      +k
      "
    `);
  });

  it('describes exactly the two texts (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const before = x.map((l) => `${l}\n`).join('');
        const after = y.map((l) => `${l}\n`).join('');
        const diff = unifiedDiff(before, after, 'a', 'b', 1000);
        if (before === after) {
          expect(diff).toBe('');
          return;
        }
        const body = diff.split('\n').slice(3, -1);
        expect(body.filter((l) => !l.startsWith('+')).map((l) => l.slice(1))).toEqual(x);
        expect(body.filter((l) => !l.startsWith('-')).map((l) => l.slice(1))).toEqual(y);
      }),
      { numRuns: 500 },
    );
  });
});

describe('npm run fmt:data', () => {
  /** A canonical copy of the fixture registry in which one account file has its first two keys swapped. */
  function messyFixture(): string {
    const dir = makeFixture();
    expect(run(['--data', dir]).code).toBe(0);
    const file = path.join(dir, ACCOUNT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: 东乡教育\nplatform: weibo\n', 'platform: weibo\nname: 东乡教育\n'));
    return dir;
  }

  it('--check prints a unified diff and exits 1; without --check it rewrites; then --check passes', () => {
    const dir = messyFixture();
    const check = run(['--data', dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('--- a/data/units/jiaoyuju/accounts/weibo.yaml\n+++ b/data/units/jiaoyuju/accounts/weibo.yaml\n');
    expect(check.stdout).toMatch(/^-platform: weibo$/m);
    expect(check.stderr).toContain('运行 npm run fmt:data');
    const before = readFileSync(path.join(dir, ACCOUNT), 'utf8');
    expect(run(['--data', dir]).code).toBe(0);
    const after = readFileSync(path.join(dir, ACCOUNT), 'utf8');
    expect(after).not.toBe(before);
    expect(parse(after)).toEqual(parse(before));
    expect(run(['--data', dir, '--check'])).toMatchObject({ code: 0 });
  });

  it('formats only the files named', () => {
    const dir = messyFixture();
    expect(run(['--data', dir, '--check', path.join(dir, 'site.yaml')]).code).toBe(0);
    expect(run(['--data', dir, '--check', path.join(dir, ACCOUNT)]).code).toBe(1);
    expect(run(['--data', dir, path.join(dir, 'site.yaml')]).stdout).not.toContain('已整理');
    expect(run(['--data', dir, '--check']).code).toBe(1);
  });

  it('annotates the first changed line in GitHub Actions', () => {
    const dir = messyFixture();
    const child = spawnSync(
      process.execPath,
      [path.join(REPO, 'node_modules/tsx/dist/cli.mjs'), path.join(REPO, 'scripts/fmt-data.ts'), '--data', dir, '--check'],
      {
        cwd: path.dirname(dir),
        env: { ...process.env, GITHUB_ACTIONS: 'true' },
        encoding: 'utf8',
      },
    );
    expect(child.status).toBe(1);
    expect(child.stdout.match(/^::error .*$/gm)).toEqual([
      '::error title=数据格式不统一,file=data/units/jiaoyuju/accounts/weibo.yaml,line=2::此文件不是统一格式：运行 npm run fmt:data 后提交改动（差异见本步骤的日志）。',
    ]);
  });

  it('says when only the line ends or a BOM differ, instead of marking every line', () => {
    const dir = makeFixture();
    expect(run(['--data', dir]).code).toBe(0);
    const file = path.join(dir, ACCOUNT);
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    const check = run(['--data', dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(
      `--- a/data/${ACCOUNT}\n+++ b/data/${ACCOUNT}\n（此文件使用 Windows 换行符 CRLF 或带有 BOM，整理后改为 UTF-8 无 BOM、LF 换行）\n`,
    );
    expect(run(['--data', dir]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toMatch(/\r|\uFEFF/);
  });

  it('exits 2 on usage problems', () => {
    expect(run(['--bogus']).code).toBe(2);
    expect(run(['--data', '/nonexistent']).code).toBe(2);
    expect(run(['--format', 'xml']).code).toBe(2);
  });
});
