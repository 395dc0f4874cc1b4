/**
 * The fast reader of the canonical layout (src/lib/load/canonical-lines.ts) must read exactly
 * what the `yaml` package reads — the same data, the same position for every key and value — or
 * decline (null) so the `yaml` package reads the file. Checked on every sample and fixture file,
 * a generated registry, and random files built from tricky pieces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCanonicalLines } from '../src/lib/load/canonical-lines.ts';
import type { PathSegment } from '../src/lib/load/positions.ts';
import { parseYaml, type ParsedYaml } from '../src/lib/load/yaml.ts';
import { generateDataset } from '../src/lib/generate/index.ts';
import { REPO } from './helpers/fixture.ts';

/** Every path of a parsed value, root first. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** What a parse says about every path: value position, key position, plain-scalar source. */
function describeParse(parsed: ParsedYaml): string[] {
  return paths(parsed.data).map((p) => {
    const v = parsed.positions.at(p, 'value');
    const k = parsed.positions.at(p, 'key');
    return `${p.join('.')} value ${v.line}:${v.column} key ${k.line}:${k.column} source ${parsed.positions.scalarSource(p) ?? '-'}`;
  });
}

/** The fast reader agrees with the `yaml` package on `text` (or declines); returns whether it read it. */
function agrees(text: string): boolean {
  const fast = parseCanonicalLines(text);
  if (!fast) return false;
  const slow = parseYaml(text, 'x.yaml');
  expect(slow.problems).toEqual([]);
  expect(fast.data).toEqual(slow.parsed!.data);
  expect(describeParse(fast)).toEqual(describeParse(slow.parsed!));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('parseCanonicalLines', () => {
  it('reads the files of the sample and the fixtures as the yaml package does', () => {
    const sample = yamlFiles(path.join(REPO, 'data'));
    const fixture = yamlFiles(path.join(REPO, 'test', 'fixtures', 'registry', 'data'));
    const read = [...sample, ...fixture].filter((file) => agrees(readFileSync(file, 'utf8')));
    // The sample is in the canonical layout (fmt:data checks it): nearly all of it takes the fast path.
    expect(read.filter((f) => sample.includes(f)).length).toBeGreaterThan(sample.length * 0.8);
    expect(read.some((f) => f.includes('/inspections/'))).toBe(true);
    expect(read.some((f) => f.endsWith('unit.yaml'))).toBe(true);
  });

  it('reads every generated file of 1,500 accounts as the yaml package does', () => {
    const files: { path: string; text: string }[] = [];
    generateDataset({ accounts: 1500, seed: 'canonical-lines' }, (f) => files.push(f));
    const declined = files.filter((f) => !agrees(f.text)).map((f) => f.path);
    // Every unit, account, inspection and impostor file takes the fast path (the shared files
    // copied from data/ — calendar, policy, platforms — are written by hand with comments).
    expect(declined.filter((p) => /^(units|inspections|impostors)\//.test(p))).toEqual([]);
  });

  it('declines what is outside its grammar, so the yaml package reads (and reports) it', () => {
    const head = 'date: 2026-11-23\ninspector: xinxi-zhongxin\nchecks:\n';
    const item = (inner: string) => `${head}  - { ${inner} }\n`;
    const declined = [
      item('account: a/b, last_post: 2026-11-20, findings: [], account: c/d'), // duplicate key
      item('account: a/b, last_post: true, findings: []'), // boolean
      item('account: a/b, last_post: 20261120, findings: []'), // number
      item('account: a/b, last_post: "2026-11-20\\n", findings: []'), // an escape
      item("account: a/b, note: 'it''s', findings: []"), // a quote in quotes
      head + '  - { account: a/b, findings: [] }\n  note: 文字\n', // a list and a mapping under one key
      'name: 文字\n  续行\n', // a multi-line text
      'contact:\n  phone: 0930-7121234\n    ext: 1\n', // deeper nesting
      'name: 文字 # 注释\n',
      '__proto__: x\n',
      'url: https://example.cn/#/home\n',
      item('account: a/b,  last_post: 2026-11-20, findings: []'), // spacing
      item('account: a/b, last_post: 2026-11-20, findings: [stale,unverified]'),
      item('account: a/b, last_post: 2026-11-20, findings: [], note: 已整改 # 注释'),
      item('account: a/b, last_post: 2026-11-20, findings: [], note: 已整改: 是'),
      item('account: &x a/b, last_post: 2026-11-20, findings: []'), // anchor
      head.replace('\n', '\r\n') + '  - { account: a/b, last_post: 2026-11-20, findings: [] }\n',
      '\uFEFF' + item('account: a/b, last_post: 2026-11-20, findings: []'),
      head + '  - account: a/b\n    last_post: 2026-11-20\n    findings: []\n', // block style
      head + '  - { account: a/b, last_post: 2026-11-20, findings: [] }\n\t\n',
      'date: 2026-11-23\nchecks:\nrectifications: []\n', // `checks:` is null
      '# 只有注释\n',
    ];
    for (const text of declined) expect(parseCanonicalLines(text), text).toBeNull();
  });

  it('agrees with the yaml package on random files built from tricky pieces', () => {
    const plain = fc.constantFrom(
      'jiaoyuju/wechat',
      'a/b',
      '123/wechat',
      'stale',
      'null',
      'Null',
      '~',
      'true',
      'False',
      'on',
      'yes',
      'no',
      'e5',
      '1e5',
      '1.5',
      '.5',
      '0x1f',
      '0o17',
      '+1',
      '-1',
      '.inf',
      '.NaN',
      '2026-11-20',
      '2026-1-2',
      '0930-7121234',
      '20261120',
      'https://weibo.com/u/5123456789',
      'https://mp.weixin.qq.com/s?__biz=MzU0==&mid=1',
      'a:b',
      'a :b',
      'a:',
      '已整改',
      '已 21 天未更新，单项否决',
      '群众举报仿冒微博“东乡县人民政府官方微博”',
      '21 天',
      'abc 中文',
      '中文 ',
      ' 中文',
      '中-文',
      '中文 - 备注',
      '（说明）',
      '东乡‮教育',
      '备注~',
      '中文 #1',
      '中文#1',
      '中文:1',
      '中 文',
      'a, b',
      'a,b',
      'x]',
      'x}',
      '- x',
      '-x',
      '?x',
      '@x',
      '`x',
      '%x',
      '!x',
      '&x',
      '*x',
      '|',
      '>',
      'a\tb',
      'a\\b',
      '中文\u2028',
      '中文\u0085',
    );
    const quotedText = fc.constantFrom(
      '"@dongxiang/jiaoyuju"',
      "'单引号'",
      '"a, b"',
      '"x: y"',
      '"#1"',
      '""',
      "''",
      '"null"',
      '"123"',
      '"a\\nb"',
      "'it''s'",
      '"\u200b"',
    );
    const scalar = fc.oneof(plain, quotedText);
    const flowSeq = fc.oneof(
      fc.constant('[]'),
      fc.array(scalar, { minLength: 1, maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
    );
    const key = fc.constantFrom(
      'account',
      'last_post',
      'findings',
      'note',
      'issue',
      'name',
      'url',
      'phone',
      '__proto__',
      'constructor',
      'a_b',
    );
    const flowMap = fc.oneof(
      fc.constant('{}'),
      fc
        .array(fc.tuple(key, fc.oneof(scalar, flowSeq)), { minLength: 1, maxLength: 4 })
        .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    const value = fc.oneof(scalar, flowSeq, flowMap);
    const filler = fc.constantFrom('', '# 注释', '  # 注释', '    # 注释');
    const child = fc.oneof(
      flowMap.map((m) => `  - ${m}`),
      fc.tuple(key, value).map(([k, v]) => `  ${k}: ${v}`),
      filler,
    );
    const block = fc.oneof(
      fc.tuple(key, value).map(([k, v]) => [`${k}: ${v}`]),
      fc.tuple(key, fc.array(child, { maxLength: 5 })).map(([k, lines]) => [`${k}:`, ...lines]),
      filler.map((f) => [f]),
    );
    const file = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => `${blocks.flat().join('\n')}\n`);
    let read = 0;
    fc.assert(
      fc.property(file, (t) => {
        if (agrees(t)) read++;
      }),
      { numRuns: 5000, seed: 20261128 },
    );
    expect(read).toBeGreaterThan(300);
  });
});
