/**
 * Fuzzing the loader and validator, briefly and with fixed seeds so CI is
 * repeatable: arbitrary bytes, arbitrary YAML documents, YAML token soup and mutated real
 * filings in every kind of data file, several broken files at once, and a valid filing among
 * broken ones. The properties and generators are in test/fixtures/adversarial/fuzz.ts;
 * `npm run fuzz` runs them for longer with any seed.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkInvariants,
  PROPERTIES,
  runCase,
  Sandbox,
  SEEDS,
  TARGETS,
  VALID_FILE,
  VALID_ID,
  validFiling,
  checkValidAmongBroken,
  problemsOf,
} from './fixtures/adversarial/fuzz.ts';

const sandbox = new Sandbox();
afterAll(() => sandbox.dispose());

/** Cases per property: about 30 s for all of them on a busy two-core machine (a load takes 50–100 ms). */
const RUNS: Record<string, number> = {
  bytes: 60,
  documents: 60,
  tokens: 50,
  mutations: 60,
  corpus: 30,
  'valid-among-broken': 25,
  'invisible-in-comments': 40,
  'personal-data-disguised': 60,
  'personal-data-near-misses': 60,
  flood: 4,
};

describe('fuzzing the loader', () => {
  it.each(PROPERTIES.map((p) => [p.name, p] as const))('%s', (name, { arbitrary, check }) => {
    fc.assert(
      fc.property(arbitrary, (value) => check(sandbox, value)),
      { numRuns: RUNS[name] ?? 50, seed: 20261128 + name.length, includeErrorInReport: true },
    );
  });

  it('has seeds of every kind of file to mutate', () => {
    expect(new Set(SEEDS.map((s) => s.kind))).toEqual(
      new Set(['site', 'policy', 'platforms', 'filing-numbers', 'calendar', 'unit', 'account', 'inspection', 'impostor']),
    );
    expect(SEEDS.length).toBeGreaterThan(200);
  });
});

describe('the invariants can fail', () => {
  const clean = () => runCase(sandbox, new Map());

  it('a problem without a line, with a message of another rule, or replaying a control character', () => {
    const result = clean();
    const forged = (p: object) => ({
      ...result,
      ok: false,
      problems: [
        {
          ...result.problems[0],
          file: 'data/site.yaml',
          rule: 'schema',
          severity: 'error',
          code: 'schema.empty',
          message: 'x',
          line: 1,
          column: 1,
          ...p,
        },
      ],
    });
    const stats = { ...result.stats, errors: 1, warnings: 0 };
    const check = (p: object) => () => checkInvariants({ ...forged(p), stats } as never, new Map(), { modelExpected: true });
    expect(check({})).not.toThrow();
    expect(check({ line: 0 })).toThrow('line ≥ 1');
    expect(check({ column: Number.NaN })).toThrow('column ≥ 1');
    expect(check({ code: 'encoding.gbk' })).toThrow('message code of another rule');
    expect(check({ rule: 'no-such-rule' })).toThrow('unknown rule');
    expect(check({ message: 'bad \u001b[2J' })).toThrow('control or bidi');
    expect(check({ message: 'bad \u202e' })).toThrow('control or bidi');
    expect(() =>
      checkInvariants({ ...forged({ line: 3 }), stats } as never, new Map([['site.yaml', 'a: 1\n']]), { modelExpected: true }),
    ).toThrow('past the end');
  });

  it('an untouched account missing from the model', () => {
    const result = clean();
    const accountById = new Map(result.registry!.accountById);
    accountById.delete('jiaoyuju/wechat');
    const registry = { ...result.registry!, accountById };
    expect(() => checkInvariants({ ...result, registry } as never, new Map(), { modelExpected: true })).toThrow('jiaoyuju/wechat');
    expect(() =>
      checkInvariants({ ...result, registry } as never, new Map([['units/jiaoyuju/accounts/wechat.yaml', 'x']]), { modelExpected: true }),
    ).not.toThrow();
  });

  it('a valid filing whose problems change among broken neighbours', () => {
    const filing = fc.sample(validFiling, { seed: 1, numRuns: 1 })[0]!;
    // A neighbour that claims the same Bilibili ID is no longer an innocent neighbour.
    const mid = /handle: "(\d+)"/.exec(filing)![1]!;
    const thief = `name: 假冒\nplatform: bilibili\nhandle: "${mid}"\nurl: null\nverified_as: null\npurpose: x\noperation: self\nevents: [{ type: opened, date: 2026-06-01, filed: 2026-06-02 }]\n`;
    expect(() => checkValidAmongBroken(sandbox, filing, new Map([['units/jiaoyuju/accounts/thief.yaml', thief]]))).toThrow(
      'problems changed',
    );
    expect(() => checkValidAmongBroken(sandbox, filing, new Map([['units/jiaoyuju/accounts/thief.yaml', '\u0000']]))).not.toThrow();
  });

  it('the valid filing has its own two warnings and nothing else', () => {
    const filing = fc.sample(validFiling, { seed: 7, numRuns: 1 })[0]!;
    const result = runCase(sandbox, new Map([[VALID_FILE, filing]]));
    expect(result.registry!.accountById.get(VALID_ID)?.platform).toBe('bilibili');
    expect(
      problemsOf(result, VALID_FILE)
        .map((p) => p.rule)
        .sort(),
    ).toEqual(['filing-late', 'unverified-account']);
  });

  it('targets every kind of file but the shared ones', () => {
    expect(TARGETS).not.toContain('site.yaml');
    expect(
      TARGETS.some((t) => t.startsWith('inspections/')) &&
        TARGETS.some((t) => t.startsWith('impostors/')) &&
        TARGETS.some((t) => t.endsWith('/unit.yaml')),
    ).toBe(true);
  });
});
