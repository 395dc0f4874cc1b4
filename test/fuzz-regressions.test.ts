/**
 * Regression tests for what fuzzing and the adversarial corpus found in the loader,
 * each on the input that broke it:
 * - long keys nested a few dozen levels with many leaves: the position index keyed every value
 *   by its joined path, gigabytes for a 1 MB file (the load never finished);
 * - a list of a few hundred thousand wrong items: zod and the loader spread every issue into one
 *   call (`push(...issues)`) and the loader threw RangeError;
 * - 8 MB of `1,1,1,…` in an inspection: four gigabytes and two minutes in the YAML parser;
 * - a handle pattern such as `(a+)+` in platforms.yaml: exponential backtracking, the
 *   validator and the build hung for ever on a 100-character handle;
 * - a hostile value quoted in a message: terminal escape sequences replayed into the CI log and
 *   a 7 MB string copied into the message; the same for a value a cross-file rule quotes (an
 *   unknown platform), found by a long `npm run fuzz` run.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type * as z from 'zod';
import { MAX_PROBLEMS_PER_FILE } from '../src/lib/load/dataset.ts';
import { PositionIndex } from '../src/lib/load/positions.ts';
import { checkSchema, MAX_QUOTED_CHARS, piecewiseIssues, quoteValue } from '../src/lib/load/schema-check.ts';
import { MAX_INSPECTION_NODES, MAX_NODES, parseYaml } from '../src/lib/load/yaml.ts';
import { compileHandlePattern } from '../src/lib/rules/handle-pattern.ts';
import { AccountSchema } from '../src/lib/schema/account.ts';
import { SCHEMAS } from '../src/lib/schema/index.ts';
import { yamlValue } from './fixtures/adversarial/fuzz.ts';
import { loadFixture, replace } from './helpers/fixture.ts';

const ACCOUNT = 'units/jiaoyuju/accounts/wechat.yaml';
const LATEST = 'inspections/2026/2026-11-23.yaml';

describe('positions of a deep document with long keys', () => {
  it('parses 1 MB of 1000-character keys nested 40 deep with 20,000 leaves, and finds the leaves', () => {
    let text = '';
    const path: string[] = [];
    for (let depth = 0; depth < 40; depth++) {
      const key = `k${String(depth).padStart(3, '0')}${'x'.repeat(996)}`;
      text += `${' '.repeat(depth)}${key}:\n`;
      path.push(key);
    }
    const leaves = 20_000;
    for (let i = 0; i < leaves; i++) text += `${' '.repeat(40)}a${i}: 1\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const { parsed, problems } = parseYaml(text, 'deep.yaml');
    expect(problems).toEqual([]);
    expect(parsed!.positions.at([...path, `a${leaves - 1}`])).toEqual({ line: 40 + leaves, column: 49 });
    expect(parsed!.positions.at([...path, 'a0'], 'key')).toEqual({ line: 41, column: 41 });
  });

  it('keeps keys with dots apart from nested keys', () => {
    const { parsed } = parseYaml('a.b: 1\na:\n  b: 2\n', 'dots.yaml');
    expect(parsed!.positions.at(['a.b'])).toEqual({ line: 1, column: 6 });
    expect(parsed!.positions.at(['a', 'b'])).toEqual({ line: 3, column: 6 });
  });
});

describe('hundreds of thousands of wrong items', () => {
  it('checkSchema reports every issue of 300,000 wrong identifiers without overflowing the stack', () => {
    const data = {
      name: 'x',
      platform: 'wechat',
      handle: 'abcdef',
      url: null,
      verified_as: null,
      purpose: 'x',
      operation: 'self',
      events: [{ type: 'opened', date: '2020-01-01', filed: '2020-01-02' }],
      identifiers: Array<number>(300_000).fill(1),
    };
    const { problems } = checkSchema(AccountSchema, data, 'x.yaml', new PositionIndex([0]));
    expect(problems).toHaveLength(300_000);
    expect(problems[299_999]).toMatchObject({ rule: 'schema', code: 'schema.type' });
  });

  it('falls back to checking piece by piece when zod overflows, and finds what zod finds', () => {
    const data = {
      nme: 'x',
      platform: 'wechat',
      handle: 'abcdef',
      url: null,
      purpose: 'x',
      operation: 'self',
      events: [{ type: 'opened', date: '2020-01-01', filed: '2020-01-02' }],
      identifiers: [1, 2, 'ok'],
    };
    const overflow = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    // The whole document overflows (checkSchema's try, and collectIssues' own try); its fields do not.
    const spy = vi.spyOn(AccountSchema, 'safeParse').mockImplementationOnce(overflow).mockImplementationOnce(overflow);
    const { problems } = checkSchema(AccountSchema, data, 'x.yaml', new PositionIndex([0]));
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    const codes = problems.map((p) => `${p.code} ${p.params.key ?? p.params.field}`).sort();
    expect(codes).toEqual([
      'schema.missing name',
      'schema.missing verified_as',
      'schema.type identifiers',
      'schema.type identifiers',
      'schema.unknown-key nme',
    ]);
    expect(problems).toEqual(expect.arrayContaining(checkSchema(AccountSchema, data, 'x.yaml', new PositionIndex([0])).problems));
  });

  it('piece by piece gives the issues zod gives, on any document', () => {
    const key = (i: z.core.$ZodIssue) => `${i.code} ${JSON.stringify(i.path)} ${'keys' in i ? i.keys.join() : ''}`;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])), yamlValue, (kind, value) => {
        const schema = SCHEMAS[kind] as z.ZodType;
        const result = schema.safeParse(value);
        const zod = result.success ? [] : result.error.issues.map(key).sort();
        expect(piecewiseIssues(schema, value).map(key).sort()).toEqual(zod);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('a file with more than a thousand problems lists the first thousand and says how many there were', () => {
    const checks = Array.from({ length: 3000 }, (_, i) => `  - { account: jiaoyuju/wechat, last_post: 2026/11/${(i % 9) + 1} }`).join('\n');
    const { problems } = loadFixture({ [LATEST]: `date: 2026-11-23\ninspector: xinxi-zhongxin\nchecks:\n${checks}\n` });
    const mine = problems.filter((p) => p.file === `data/${LATEST}`);
    expect(mine).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(mine.at(-1)).toMatchObject({ rule: 'yaml-unsafe', code: 'yaml-unsafe.too-many-problems', line: MAX_PROBLEMS_PER_FILE + 4 });
    expect(mine.at(-1)!.message).toMatchInlineSnapshot(
      `"这个文件的问题太多（共 3000 个），只列出了前 1000 个。这么多问题通常说明整个文件的写法或编码有误：请对照模板检查，或用 npm run new 重新生成。"`,
    );
    expect(mine.slice(0, -1).every((p) => p.code === 'schema.date')).toBe(true);
  });
});

describe('files with too many values', () => {
  it('refuses 800 KB of `1,` in an account file before parsing it', () => {
    const { problems } = loadFixture({ [ACCOUNT]: (t: string) => `${t}note: [${'1,'.repeat(400_000)}1]\n` });
    expect(problems.filter((p) => p.file === `data/${ACCOUNT}`)).toMatchObject([
      { rule: 'yaml-unsafe', code: 'yaml-unsafe.too-many-nodes', line: 1 },
    ]);
  });

  it('refuses 4 MB of `1,` in an inspection (two million values), and still reads the other files', () => {
    const result = loadFixture({
      [LATEST]: `date: 2026-11-23\ninspector: xinxi-zhongxin\nchecks: [${'1,'.repeat(MAX_INSPECTION_NODES)}1]\n`,
    });
    expect(result.problems.filter((p) => p.file === `data/${LATEST}`)).toMatchObject([
      { code: 'yaml-unsafe.too-many-nodes', params: { limit: MAX_INSPECTION_NODES } },
    ]);
    expect(result.registry!.accountById.has('jiaoyuju/wechat')).toBe(true);
  });

  it('reads a legitimately long inspection record (20,000 checks)', () => {
    const checks = Array.from({ length: 20_000 }, () => '  - { account: jiaoyuju/wechat, last_post: 2026-11-20, findings: [] }').join('\n');
    const text = `date: 2026-11-23\ninspector: xinxi-zhongxin\nchecks:\n${checks}\n`;
    expect(text.length).toBeGreaterThan(2 * MAX_NODES);
    const { problems } = parseYaml(text, 'x.yaml', { maxNodes: MAX_INSPECTION_NODES });
    expect(problems).toEqual([]);
    expect(parseYaml(text, 'x.yaml').problems).toMatchObject([{ code: 'yaml-unsafe.too-many-nodes' }]);
  });
});

describe('handle patterns in linear time', () => {
  const catastrophic = (pattern: string, handle: string) =>
    loadFixture({
      'platforms.yaml': replace("handle_pattern: '\\d{1,16}'", `handle_pattern: '${pattern}'`),
      'units/jiaoyuju/accounts/bilibili.yaml': [
        'name: 东乡教育哔哩哔哩',
        'platform: bilibili',
        `handle: "${handle}"`,
        'url: null',
        'verified_as: 东乡族自治县教育局',
        'purpose: 教育视频',
        'operation: self',
        'events: [{ type: opened, date: 2026-11-02, filed: 2026-11-03 }]',
        '',
      ].join('\n'),
    });

  it('a pattern that backtracks exponentially in JavaScript decides a 100-character handle at once', () => {
    const { problems } = catastrophic('(a+)+', `${'a'.repeat(99)}!`);
    expect(problems.filter((p) => p.code === 'schema.handle-pattern')).toMatchObject([
      { file: 'data/units/jiaoyuju/accounts/bilibili.yaml', line: 3 },
    ]);
    expect(problems.filter((p) => p.code === 'schema.bad-regex')).toEqual([]);
  });

  it('runs on RE2: catastrophic patterns decide a 100 000-character handle (a backtracking engine would never finish)', () => {
    for (const pattern of ['(a+)+', '(a|a)*', '(a*)*b', '(.*a){20}', '(\\w+\\s?)*$']) {
      const matcher = compileHandlePattern(pattern);
      expect(matcher.engine).toBe('re2js');
      expect(matcher.test(`${'a'.repeat(100_000)}!`), pattern).toBe(false);
    }
    expect(compileHandlePattern('(a+)+').test('a'.repeat(100_000))).toBe(true);
  });

  it('refuses backreferences, lookaround and repeats RE2 cannot expand, saying why', () => {
    for (const [pattern, reason] of [
      ['(a)\\1', '反向引用'],
      ['(?<x>a)\\k<x>', '反向引用'],
      ['(?=a)a', '环视'],
      ['(?<!a)b', '环视'],
      ['(a{100}){100}', '重复次数太多'],
      ['a{1001}', '重复次数太多'],
    ] as const) {
      const bad = catastrophic(pattern, 'a').problems.filter((p) => p.code === 'schema.bad-regex');
      expect(bad, pattern).toMatchObject([{ file: 'data/platforms.yaml', rule: 'schema' }]);
      expect(bad[0]!.message, pattern).toContain(reason);
    }
  });

  /** Patterns from a small grammar of what handle formats use, nested quantifiers included. */
  const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string; seq: string; atom: string }>((tie) => ({
    re: fc.oneof(
      { depthSize: 'small' },
      tie('seq'),
      fc.tuple(tie('seq'), tie('seq')).map(([a, b]) => `${a}|${b}`),
    ),
    seq: fc.array(tie('atom'), { minLength: 1, maxLength: 4 }).map((atoms) => atoms.join('')),
    atom: fc
      .tuple(
        fc.oneof(
          { depthSize: 'small' },
          fc.constantFrom(
            'a',
            'b',
            '1',
            '.',
            '\\d',
            '\\w',
            '\\s',
            '\\S',
            '\\b',
            '[ab]',
            '[^a]',
            '[a-c1]',
            '[^\\s]',
            '\\.',
            '东',
            '\\p{Script=Han}',
            '\\p{L}',
            '^',
            '$',
          ),
          tie('re').map((r) => `(${r})`),
          tie('re').map((r) => `(?:${r})`),
        ),
        fc.constantFrom('', '', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '+?'),
      )
      .map(([a, q]) => ((a === '^' || a === '$' || a === '\\b') && q ? a : a + q)),
  })).re;

  it('agrees with JavaScript RegExp on whole-string matches', () => {
    fc.assert(
      fc.property(pattern, fc.array(fc.stringMatching(/^[ab1.东c_ \u3000\n]{0,8}$/), { minLength: 1, maxLength: 8 }), (p, texts) => {
        const js = new RegExp(`^(?:${p})$`, 'u');
        const ours = compileHandlePattern(p);
        for (const text of texts)
          if (ours.test(text) !== js.test(text))
            throw new Error(`${p} on ${JSON.stringify(text)}: ours ${ours.test(text)}, RegExp ${js.test(text)}`);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('accepts every pattern of the sample catalogue', () => {
    for (const p of [
      '[A-Za-z][-_A-Za-z0-9]{5,19}|gh_[0-9a-f]{12}',
      'sph[A-Za-z0-9]{6,20}',
      'wx[0-9a-f]{16}',
      '\\d{5,11}',
      '[A-Za-z0-9_.]{2,30}',
      '[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+',
    ]) {
      expect(() => compileHandlePattern(p), p).not.toThrow();
    }
    expect(compileHandlePattern('[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+').test('cn.gov.dongxiang')).toBe(true);
  });
});

describe('values quoted in messages', () => {
  it('show control and bidi characters as code points', () => {
    expect(quoteValue('a\u001b[2Jb\u202ec')).toBe('a[U+001B][2Jb[U+202E]c');
  });

  it('are cut after MAX_QUOTED_CHARS characters, saying how long they were', () => {
    const quoted = quoteValue('东'.repeat(10_000));
    expect([...quoted.split('…')[0]!]).toHaveLength(MAX_QUOTED_CHARS);
    expect(quoted.endsWith('…（共 10000 个字符）')).toBe(true);
    expect(quoteValue('😀'.repeat(MAX_QUOTED_CHARS))).toBe('😀'.repeat(MAX_QUOTED_CHARS));
  });

  it('an unknown key with an escape sequence and a duplicate key with a bidi override are reported safely', () => {
    const { problems } = loadFixture({
      [ACCOUNT]: (t: string) => `${t}"\\e[2J\\e]8;;https://evil.example\\a": 1\n"x\\u202Ey": 1\n"x\\u202Ey": 2\n`,
    });
    const mine = problems.filter((p) => p.file === `data/${ACCOUNT}`);
    expect(mine.map((p) => p.code)).toEqual(['yaml-duplicate-key.key']);
    expect(mine[0]!.message).toContain('x[U+202E]y');
    const unknown = loadFixture({ [ACCOUNT]: (t: string) => `${t}"\\e[2J": 1\n` }).problems.find((p) => p.code === 'schema.unknown-key')!;
    expect(unknown.message).toContain('[U+001B][2J');
    expect(unknown.message).not.toMatch(/\u001b/);
  });

  it('a value a cross-file rule quotes (an unknown platform with terminal escapes) is shown safely', () => {
    // Found by `npm run fuzz -- --property mutations --seed 7`.
    const { problems } = loadFixture({ [ACCOUNT]: replace('platform: wechat', 'platform: "\\u001b[2J\\u001b[31m"') });
    const unknown = problems.find((p) => p.file === `data/${ACCOUNT}` && p.code === 'unknown-reference.platform')!;
    expect(unknown.message).toContain('平台 [U+001B][2J[U+001B][31m 不在');
    expect(unknown.params.platform).toBe('\u001b[2J\u001b[31m');
  });

  it('a 7 MB value in an inspection is not copied into the message', () => {
    const { problems } = loadFixture({ [LATEST]: `date: 2026-11-23\ninspector: "${'x'.repeat(7_000_000)}"\nchecks: []\n` });
    const mine = problems.filter((p) => p.file === `data/${LATEST}`);
    expect(mine.length).toBeGreaterThan(0);
    for (const p of mine) expect(p.message.length).toBeLessThan(1000);
  });
});
