import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { computeCompliance } from '../src/lib/compliance/engine.ts';
import { annualCsv, weeklyCsv } from '../src/lib/compliance/report.ts';
import { CSV_BOM, csvCell, looksLikeFormula, toCsv } from '../src/lib/format/csv.ts';
import { accountsCsv } from '../src/lib/opendata/csv.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { makeFixture, REPO } from './helpers/fixture.ts';

describe('csvCell', () => {
  const FORMULAS = [
    '=1+1',
    '=HYPERLINK("http://example.invalid","点此")',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '\n=1',
    ' =1',
    '   +1',
    '\u00a0=1',
    '\u3000=1',
    '\u3000\u3000@x',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    ' ＝1',
    '\tabc',
    '-5',
    '+8613800000000',
    '-',
  ];
  it.each(FORMULAS)('prefixes %j with an apostrophe', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(csvCell(text)).toBe(`'${text}`);
  });

  const PLAIN = [
    '东乡教育',
    '锁南镇人民政府',
    'a=b',
    'x+1',
    '1-2',
    'user@example.invalid',
    '5329743744',
    '2026-11-28',
    '',
    ' 东乡',
    'a\n=b',
  ];
  it.each(PLAIN)('keeps %j as it is', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
    expect(csvCell(text)).toBe(text);
  });

  it('writes numbers we computed as numbers, negative ones too, and nothing as an empty cell', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(92.5)).toBe('92.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(() => csvCell(Number.NaN)).toThrow(TypeError);
  });

  it('keeps long digit strings and leading zeros as text', () => {
    expect(csvCell('1680918605823624')).toBe('="1680918605823624"');
    expect(csvCell('0930')).toBe('="0930"');
    expect(csvCell('12345678901')).toBe('12345678901');
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends, quotes where needed, and neutralises every text cell including the header', () => {
    const text = toCsv(
      ['名称', '=得分'],
      [
        ['=cmd|"/c calc"!A1', -5],
        ['东乡,"发布"', null],
      ],
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(["名称,'=得分", '"\'=cmd|""/c calc""!A1",-5', '"东乡,""发布""",', '']);
    const rows = parse(text.slice(1), { relaxQuotes: false }) as string[][];
    expect(rows).toEqual([
      ['名称', "'=得分"],
      ['\'=cmd|"/c calc"!A1', '-5'],
      ['东乡,"发布"', ''],
    ]);
  });
});

describe('every CSV the project writes', () => {
  const FIXTURE = path.join(REPO, 'test', 'fixtures', 'compliance', 'data');
  const AS_OF = '2026-03-12';
  const HOSTILE = ['=HYPERLINK("http://example.invalid","点此")', '＝1+1', '@SUM(A1)', ' +1', '-东乡教育', '\u3000＠x'];

  /** Every cell of every CSV, for a registry whose account names and operators are hostile. */
  function cells(name: string): string[] {
    const data = makeFixture(
      {
        'units/jiaoyuju/accounts/douyin.yaml': (t) => t.replace(/^name: .*$/m, `name: ${JSON.stringify(name)}`),
        'units/jiaoyuju/accounts/weibo.yaml': (t) => t.replace(/^purpose: .*$/m, `purpose: ${JSON.stringify(name)}`),
      },
      FIXTURE,
    );
    const { registry, problems } = loadRegistry(data, { asOf: AS_OF });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const texts = [
      accountsCsv(registry!, (p) => `https://registry.example${p}`),
      weeklyCsv(computeCompliance(registry!)),
      annualCsv(registry!, 2026),
    ];
    return texts.flatMap((text) => {
      expect(text.startsWith(CSV_BOM)).toBe(true);
      return (parse(text.slice(1)) as string[][]).flat();
    });
  }

  it.each(HOSTILE)('never leaves a cell a spreadsheet would run: %j', (name) => {
    const all = cells(name);
    expect(all.some((c) => c.includes(name.trim()))).toBe(true);
    // Our own `="…"` for long digit strings and numbers we computed are the only cells left as they are.
    expect(all.filter((c) => looksLikeFormula(c) && !/^="\d+"$/.test(c) && !/^-\d+(\.\d+)?$/.test(c))).toEqual([]);
  });
});
