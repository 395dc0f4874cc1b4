/**
 * The one plain-scalar predicate (src/lib/load/plain-scalar.ts), used by the canonical writer, the
 * canonical reader and the generator, checked against the `yaml` package's own reading and
 * writing of the same strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { canBePlain } from '../src/lib/format/scalar.ts';
import { scalar } from '../src/lib/generate/yaml-emit.ts';
import { isPlainScalar } from '../src/lib/load/plain-scalar.ts';

const OPTIONS = { version: '1.2', schema: 'core' } as const;

/** Strings built from the characters that matter to YAML, plus ordinary text. */
const tricky = fc
  .array(
    fc.constantFrom(
      ...'ab1 0-:#,[]{}"\'!&*?|>%@`.ex+~/\\\tnulTr'.split(''),
      '东',
      '乡',
      '\u3000',
      '\u200b',
      'true',
      'null',
      '0x1',
      '.inf',
      '2026-11-28',
      'https://',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('isPlainScalar', () => {
  it('is the predicate of the writer and the generator', () => {
    expect(canBePlain).toBe(isPlainScalar);
    for (const text of ['东乡教育', 'true', '2026-11-28', 'a: b', '[x]', 'https://weibo.com/u/5123456789'])
      expect(scalar(text) === text).toBe(isPlainScalar(text, true));
  });

  it('accepts only what yaml reads back as the same string, in block and in flow context', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        if (isPlainScalar(text, false)) expect(parse(`k: ${text}\n`, OPTIONS)).toEqual({ k: text });
        if (isPlainScalar(text, true)) {
          expect(parse(`k: [${text}, x]\n`, OPTIONS)).toEqual({ k: [text, 'x'] });
          expect(parse(`k: { a: ${text}, b: x }\n`, OPTIONS)).toEqual({ k: { a: text, b: 'x' } });
        }
      }),
      { numRuns: 4000, seed: 12 },
    );
  });

  it('agrees with the yaml package’s own choice, except that [ ] \\, invisible characters, white space other than a space and a leading indicator are quoted', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const yamlPlain = stringify({ k: text }, OPTIONS) === `k: ${text}\n`;
        if (isPlainScalar(text, false)) expect(yamlPlain).toBe(true);
        // Invisible characters and white space other than a space are quoted so that a reviewer sees them.
        else if (yamlPlain) expect(text).toMatch(/[[\]\\\u200b]|[^\S ]|^[-?:,[\]{}#&*!|>'"%@`]/u);
        const yamlFlowPlain = stringify([text], { ...OPTIONS, collectionStyle: 'flow' }) === `[ ${text} ]\n`;
        if (isPlainScalar(text, true)) expect(yamlFlowPlain).toBe(true);
      }),
      { numRuns: 4000, seed: 13 },
    );
  });

  it('on ordinary values', () => {
    const plain = ['东乡教育', '锁南镇发布', 'dxjy_2026', '2026-11-28', 'https://weibo.com/u/5123456789', 'a b', 'C#', "it's"];
    const quoted = [
      '',
      ' x',
      'x ',
      '5123456789',
      '0930',
      'true',
      'No',
      'null',
      '~',
      '-x',
      'a: b',
      'a #b',
      'x:',
      '[x]',
      'a\\b',
      '1e3',
      '.5',
    ];
    for (const text of plain) expect(isPlainScalar(text, false), text).toBe(true);
    for (const text of quoted.filter((t) => t !== 'No')) expect(isPlainScalar(text, false), text).toBe(false);
    // YAML 1.2: `No` is a string, not a boolean.
    expect(isPlainScalar('No', false)).toBe(true);
    expect(isPlainScalar('a,b', false)).toBe(true);
    expect(isPlainScalar('a,b', true)).toBe(false);
  });
});
