/**
 * The open data: the JSON documents validate against the committed JSON Schemas (ajv), carry
 * the model's status, dates, former names and successors, leave out what is not public; the CSV
 * opens in Excel (BOM, CRLF, Chinese headers, long numbers kept as text, no formulas).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell as excelCell } from '../src/lib/format/csv.ts';
import { accountsCsv, CSV_COLUMNS } from '../src/lib/opendata/csv.ts';
import { accountsDocument, documentJson, impostorsDocument, unitsDocument } from '../src/lib/opendata/index.ts';
import type { Registry } from '../src/lib/model.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { OPEN_DATA_SCHEMAS, OPEN_DATA_SCHEMA_DIR, renderOpenDataSchemas, type OpenDataName } from '../src/lib/schema/opendata.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

const SCHEMA_DIR = path.join(REPO, 'schemas', OPEN_DATA_SCHEMA_DIR);
const urlOf = (p: string) => `https://registry.example${p}`;
let registry: Registry;

function validator(name: OpenDataName) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')));
}

beforeAll(() => {
  registry = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!;
});

describe('open-data schemas', () => {
  it('are committed exactly as generated from the zod schemas', () => {
    const rendered = renderOpenDataSchemas();
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual([...rendered.keys()].map((k) => path.basename(k)).sort());
    for (const [file, text] of rendered) expect(readFileSync(path.join(REPO, 'schemas', file), 'utf8'), file).toBe(text);
  });
});

describe('open-data JSON', () => {
  it('validates against the published schemas with ajv, and with zod', () => {
    const documents = {
      accounts: accountsDocument(registry, urlOf),
      units: unitsDocument(registry, urlOf),
      impostors: impostorsDocument(registry),
    };
    for (const [name, document] of Object.entries(documents) as [OpenDataName, unknown][]) {
      const validate = validator(name);
      // Validated as published: serialised and read back.
      const published = JSON.parse(documentJson(document));
      expect(validate(published), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(OPEN_DATA_SCHEMAS[name].safeParse(published).success).toBe(true);
    }
  });

  it('is published compact: no indentation, one line per item of a top-level list, the same value', () => {
    const document = accountsDocument(registry, urlOf);
    const text = documentJson(document);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    // The header and the opening of the list, one line per account, the closing of the list.
    expect(lines).toHaveLength(document.accounts.length + 3);
    expect(lines[0]).toMatch(/^\{"title":.*"accounts":\[$/);
    expect(lines.slice(1, -2).map((line) => JSON.parse(line.replace(/,$/, '')).id)).toEqual(document.accounts.map((a) => a.id));
    expect(lines.at(-2)).toBe(']}');
    expect(text).not.toMatch(/\n /);
    expect(documentJson({ a: 1, list: [], b: null })).toBe('{"a":1,"list":[],"b":null}\n');
  });

  it('is rejected by the schema when a value is wrong', () => {
    const validate = validator('accounts');
    const document = JSON.parse(documentJson(accountsDocument(registry, urlOf)));
    document.accounts[0].status = 'closed';
    expect(validate(document)).toBe(false);
    delete document.accounts[0].status;
    document.accounts[1].unknown_field = 1;
    expect(validate(document)).toBe(false);
  });

  it('has one entry per account with its status, dates, former names and successor', () => {
    const document = accountsDocument(registry, urlOf);
    expect(document).toMatchObject({
      as_of: AS_OF,
      count: registry.accounts.length,
      sample: true,
      license: 'CC-BY-4.0',
      region: { code: '622926' },
    });
    expect(document.accounts.map((a) => a.id)).toEqual(registry.accounts.map((a) => a.id));
    const weibo = document.accounts.find((a) => a.id === 'jiaoyuju/weibo')!;
    expect(weibo).toMatchObject({
      status: 'deregistered',
      opened: '2014-09-10',
      closed: '2025-03-17',
      successor: 'jiaoyuju/wechat',
      handle: '5329743744',
      page: 'https://registry.example/units/jiaoyuju/weibo/',
    });
    expect(weibo.closure_notice).toMatch(/^https:\/\//);
    const douyin = document.accounts.find((a) => a.id === 'rongmeiti-zhongxin/douyin')!;
    expect(douyin.former_names).toEqual([{ value: '东乡融媒', until: '2025-04-21' }]);
    expect(douyin.events.map((e) => e.type)).toEqual(['opened', 'changed']);
    const active = document.accounts.find((a) => a.id === 'jiaoyuju/wechat')!;
    expect(active).toMatchObject({ status: 'active', closed: null, closure_notice: null, successor: null });
    expect(active.last_inspection?.date).toBe('2026-11-23');
  });

  it('publishes units with public office contacts only, and impostors with what they imitate', () => {
    const units = unitsDocument(registry, urlOf);
    const jiaoyuju = units.units.find((u) => u.id === 'jiaoyuju')!;
    expect(jiaoyuju).toMatchObject({
      name: '东乡族自治县教育局',
      kind: 'county-department',
      kind_name: '县直部门',
      contact: { phone: '0930-7121234' },
    });
    expect(jiaoyuju.accounts.active + jiaoyuju.accounts.suspended + jiaoyuju.accounts.deregistered).toBe(
      registry.accountsByUnit.get('jiaoyuju')!.length,
    );
    expect(JSON.stringify(units)).not.toContain('maintainers');
    expect(JSON.stringify(units)).not.toContain('@dongxiang/');
    const impostors = impostorsDocument(registry).impostors;
    expect(impostors.find((i) => i.handle === 'duocaidx_gf')).toMatchObject({
      imitates: 'rongmeiti-zhongxin/wechat',
      imitates_name: '多彩东乡',
      removed: null,
    });
  });
});

describe('open-data CSV', () => {
  it('opens in Excel: BOM, CRLF, Chinese headers, one row per account', () => {
    const text = accountsCsv(registry, urlOf);
    expect(text.startsWith('\uFEFF账号编号,')).toBe(true);
    expect(text.split('\r\n').length).toBe(registry.accounts.length + 2);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(registry.accounts.length);
    expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS.map(([header]) => header));
    const weibo = rows.find((r) => r['账号编号'] === 'jiaoyuju/weibo')!;
    expect(weibo).toMatchObject({
      主办单位: '东乡族自治县教育局',
      平台: '新浪微博',
      状态: '已注销',
      开设日期: '2014-09-10',
      关停或注销日期: '2025-03-17',
      接替账号: 'jiaoyuju/wechat',
      账号ID: '5329743744',
    });
    const renamed = rows.find((r) => r['账号编号'] === 'suonan-zhen/wechat')!;
    expect(renamed['曾用名']).toBe('锁南镇政府');
    // A 16-digit Toutiao ID stays text in Excel.
    expect(rows.find((r) => r['账号编号'] === 'suonan-zhen/toutiao')!['账号ID']).toBe('="1680918605823624"');
  });

  it('keeps Excel from reading long numbers as numbers and data as formulas', () => {
    expect(excelCell('5329743744')).toBe('5329743744');
    expect(excelCell('1680918605823624')).toBe('="1680918605823624"');
    expect(excelCell('0930')).toBe('="0930"');
    expect(excelCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(excelCell('+86')).toBe("'+86");
    expect(excelCell('@team')).toBe("'@team");
    expect(excelCell('东乡教育')).toBe('东乡教育');
  });
});
