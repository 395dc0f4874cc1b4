/**
 * The published files of the sample site as a third party downloads them: the open data
 * validates (ajv) against the JSON Schemas the site publishes, those are the repository's
 * schemas/, the CSV opens in Excel, and the pages keep their size budgets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, inject, it } from 'vitest';
import { REPO } from '../helpers/fixture.ts';

const site = () => inject('siteDir');
const read = (p: string) => readFileSync(path.join(site(), p), 'utf8');

describe('published open data', () => {
  it('validates against the published schemas', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    for (const name of ['accounts', 'units', 'impostors']) {
      const validate = ajv.compile(JSON.parse(read(`schemas/open-data/${name}.schema.json`)));
      const document = JSON.parse(read(`data/${name}.json`)) as { count: number } & Record<string, unknown[]>;
      expect(validate(document), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(document[name]).toHaveLength(document.count);
    }
    const accounts = JSON.parse(read('data/accounts.json')) as { accounts: unknown[]; as_of: string };
    expect(accounts.accounts).toHaveLength(150);
    expect(accounts.as_of).toBe('2026-11-28');
  });

  it('publishes the repository schemas unchanged', () => {
    const repo = path.join(REPO, 'schemas');
    const files = readdirSync(repo, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(repo, path.join(e.parentPath, e.name)));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) expect(read(path.join('schemas', file)), file).toBe(readFileSync(path.join(repo, file), 'utf8'));
  });

  it('publishes the CSV with a byte-order mark and one row per account', () => {
    const csv = read('data/accounts.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(151);
  });
});

describe('page budgets', () => {
  it('keeps every page under 200 KB and account pages under 20 KB of HTML and CSS', () => {
    const dir = site();
    const css = (href: string) => statSync(path.join(dir, href.replace(/^\//, ''))).size;
    let accounts = 0;
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.html')) continue;
      const file = path.join(e.parentPath, e.name);
      const rel = path.relative(dir, file);
      expect(statSync(file).size, rel).toBeLessThan(200 * 1024);
      const parts = rel.split(path.sep);
      if (parts.length === 4 && parts[0] === 'units' && !['form', 'poster'].includes(parts[2]!)) {
        const html = readFileSync(file, 'utf8');
        const total =
          statSync(file).size + [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((n, m) => n + css(m[1]!), 0);
        expect(total, rel).toBeLessThanOrEqual(20 * 1024);
        accounts++;
      }
    }
    expect(accounts).toBe(150);
  });
});
