/** Reading and parsing single files: encodings, YAML safety, positions. */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../src/lib/load/read.ts';
import { parseYaml } from '../src/lib/load/yaml.ts';

const FILE = 'data/x.yaml';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('accepts UTF-8 and strips a BOM', () => {
    expect(decodeUtf8(utf8('\uFEFFname: 东乡\n'), FILE)).toEqual({ text: 'name: 东乡\n' });
  });

  it('recognises GBK and says how to re-save as UTF-8, on the line of the first bad byte', () => {
    // "id: x\nname: 东乡教育" with the Chinese in GBK.
    const bytes = Uint8Array.from([...utf8('id: x\nname: '), 0xb6, 0xab, 0xcf, 0xe7, 0xbd, 0xcc, 0xd3, 0xfd, 0x0a]);
    const { problem } = decodeUtf8(bytes, FILE);
    expect(problem).toMatchObject({ rule: 'encoding', severity: 'error', line: 2, column: 7 });
    expect(problem?.message).toMatchInlineSnapshot(
      `"文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码）。请用记事本打开，选择“另存为”，编码选“UTF-8”后保存；WPS 或 VS Code 中在右下角把编码改为 UTF-8 并保存。"`,
    );
  });

  it('recognises UTF-16 and binary files', () => {
    expect(decodeUtf8(Uint8Array.from([0xff, 0xfe, 0x6e, 0x00]), FILE).problem?.code).toBe('encoding.utf16');
    expect(decodeUtf8(utf8('a: 1\n\0'), FILE).problem?.code).toBe('encoding.binary');
    expect(decodeUtf8(Uint8Array.from([0x61, 0xff, 0xfe, 0xfd]), FILE).problem?.code).toBe('encoding.invalid');
  });

  it('finds the first invalid byte, rejecting overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(utf8('东乡 ok'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe4, 0xb8]))).toBe(1);
  });
});

describe('parseYaml', () => {
  it('records the position of every key and value', () => {
    const { parsed } = parseYaml('name: 东乡教育\nevents:\n  - { type: opened, date: 2025-03-01 }\n', FILE);
    expect(parsed?.data).toEqual({ name: '东乡教育', events: [{ type: 'opened', date: '2025-03-01' }] });
    expect(parsed?.positions.at(['name'])).toEqual({ line: 1, column: 7 });
    expect(parsed?.positions.at(['name'], 'key')).toEqual({ line: 1, column: 1 });
    expect(parsed?.positions.at(['events', 0, 'date'])).toEqual({ line: 3, column: 27 });
    // A missing field points at its nearest existing parent.
    expect(parsed?.positions.at(['events', 0, 'filed'])).toEqual({ line: 3, column: 5 });
  });

  it('keeps dates as written (YAML 1.2) and remembers the source of unquoted numbers', () => {
    const { parsed } = parseYaml('date: 2025-3-1\nuid: 0123456789\n', FILE);
    expect(parsed?.data).toEqual({ date: '2025-3-1', uid: 123456789 });
    expect(parsed?.positions.scalarSource(['uid'])).toBe('0123456789');
  });

  it('reports duplicate keys on the duplicate, naming the first line', () => {
    const { problems } = parseYaml('name: a\nplatform: wechat\nname: b\n', FILE);
    expect(problems).toMatchObject([{ rule: 'yaml-duplicate-key', line: 3, column: 1 }]);
    expect(problems[0]?.message).toMatchInlineSnapshot(
      `"字段 name 重复出现（第一次在第 1 行）。同一层级中一个字段只能写一次：删除或合并其中一处。"`,
    );
  });

  it('reports tab indentation with a hint', () => {
    const { problems } = parseYaml('events:\n\t- { type: opened }\n', FILE);
    expect(problems).toMatchObject([{ rule: 'yaml-syntax', line: 2 }]);
    expect(problems[0]?.message).toMatchInlineSnapshot(
      `"YAML 格式错误：缩进里有 Tab 字符：YAML 只能用空格缩进，请把 Tab 换成空格（编辑器可设置“用空格代替 Tab”）。"`,
    );
  });

  it('explains an unquoted @team', () => {
    const { problems } = parseYaml('maintainers: [@dongxiang/jiaoyuju]\n', FILE);
    expect(problems[0]).toMatchObject({ rule: 'yaml-syntax', line: 1 });
    expect(problems[0]?.message).toContain('"@dongxiang/jiaoyuju"');
  });

  it('refuses anchors, aliases and tags before building any value', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const result = parseYaml(bomb, FILE);
    expect(result.parsed).toBeUndefined();
    expect(new Set(result.problems.map((p) => p.rule))).toEqual(new Set(['yaml-unsafe']));
    expect(parseYaml('a: !!binary aGVsbG8=\n', FILE).problems).toMatchObject([{ rule: 'yaml-unsafe', code: 'yaml-unsafe.tag' }]);
    expect(parseYaml('a: !custom x\n', FILE).problems).toMatchObject([{ rule: 'yaml-unsafe', code: 'yaml-unsafe.tag' }]);
  });

  it('survives deep nesting', () => {
    const deep = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const result = parseYaml(deep, FILE);
    expect(result.parsed).toBeUndefined();
    expect(result.problems[0]?.rule).toBe('yaml-unsafe');
  });

  it('refuses several documents in one file', () => {
    expect(parseYaml('a: 1\n---\na: 2\n', FILE).problems).toMatchObject([{ rule: 'yaml-syntax' }]);
  });
});
