/**
 * The line-by-line reader of canonical inspection records (src/lib/load/flow-lines.ts) must read
 * exactly what the `yaml` package reads — the same data, the same position for every key and
 * value — or decline (null) so the `yaml` package reads the file. Checked on the sample and
 * fixture records, a generated national-size record, and random records built from tricky pieces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlowLines } from '../src/lib/load/flow-lines.ts';
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
  const fast = parseFlowLines(text);
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

describe('parseFlowLines', () => {
  it('reads every inspection record of the sample and the fixtures as the yaml package does', () => {
    const files = [...yamlFiles(path.join(REPO, 'data', 'inspections')), ...yamlFiles(path.join(REPO, 'test', 'fixtures', 'registry', 'data', 'inspections'))];
    expect(files.length).toBeGreaterThan(20);
    const read = files.filter((file) => agrees(readFileSync(file, 'utf8')));
    // The canonical records (all of the sample's) take the fast path.
    expect(read.length).toBeGreaterThanOrEqual(files.length - 2);
  });

  it('reads generated records of 2,000 accounts as the yaml package does', () => {
    const texts: string[] = [];
    generateDataset({ accounts: 2000, seed: 'flow-lines' }, (f) => f.path.startsWith('inspections/') && texts.push(f.text));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(agrees(text)).toBe(true);
  });

  it('declines what is outside its grammar, so the yaml package reads (and reports) it', () => {
    const head = 'date: 2026-11-23\ninspector: xinxi-zhongxin\nchecks:\n';
    const item = (inner: string) => `${head}  - { ${inner} }\n`;
    const declined = [
      item('account: a/b, last_post: 2026-11-20, findings: [], account: c/d'), // duplicate key
      item('account: a/b, last_post: true, findings: []'), // boolean
      item('account: a/b, last_post: 20261120, findings: []'), // number
      item('account: a/b, last_post: "2026-11-20", findings: []'), // quoted
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
    for (const text of declined) expect(parseFlowLines(text), text).toBeNull();
  });

  it('agrees with the yaml package on random records built from tricky pieces', () => {
    const id = fc.constantFrom('jiaoyuju/wechat', 'a/b', '123/wechat', 'x_y-z/douyin', 'nul/l', 'stale', 'null', 'true', 'on', 'yes', 'e5', '1e5', '0x1f', '2026-11-20', '2026-1-2');
    const text = fc.constantFrom('已整改', '已 21 天未更新，单项否决', '群众举报仿冒微博“东乡县人民政府官方微博”', '21 天', 'abc 中文', '中文 ', ' 中文', '中-文', '中文 - 备注', '（说明）', '东乡‮教育', '备注~', '中文 #1', '中文#1', '中文:1', '中 文');
    const value = fc.oneof(id, text, fc.constant('[]'), fc.array(id, { minLength: 1, maxLength: 3 }).map((a) => `[${a.join(', ')}]`));
    const pair = fc.tuple(fc.constantFrom('account', 'last_post', 'findings', 'note', 'issue'), value);
    const line = fc.oneof(
      fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `  - { ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
      fc.constantFrom('', '# 注释', '  # 注释'),
    );
    const top = fc.tuple(fc.constantFrom('date', 'inspector', 'note', 'checks', 'rectifications'), fc.oneof(value, fc.constant('')));
    const record = fc.array(fc.tuple(top, fc.array(line, { maxLength: 5 })), { minLength: 1, maxLength: 4 }).map((blocks) =>
      blocks.map(([[k, v], lines]) => [v === '' ? `${k}:` : `${k}: ${v}`, ...(v === '' ? lines : [])].join('\n')).join('\n') + '\n',
    );
    let read = 0;
    fc.assert(
      fc.property(record, (t) => {
        if (agrees(t)) read++;
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    expect(read).toBeGreaterThan(100);
  });
});
