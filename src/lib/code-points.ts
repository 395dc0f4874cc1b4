/**
 * Naming characters: every message that points at one character (an invisible one in a value or
 * a comment, a bidi control, a lone surrogate, a full-width colon) names it the same way, by its
 * code point (`U+202E`) and, for the ones clerks and reviewers are likely to meet, a Chinese name.
 */
import { INVISIBLE_RE } from '../shared/invisible.ts';

/** `U+XXXX` notation of a code point (at least four hex digits). */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Chinese names of the invisible and look-alike characters a filing is likely to carry. */
const NAMES: Record<number, string> = {
  0x09: 'Tab 制表符',
  0x0d: '回车符',
  0x1b: '终端转义符 ESC',
  0xad: '软连字符',
  0x061c: '阿拉伯文字母标记',
  0x115f: '韩文填充符',
  0x1160: '韩文填充符',
  0x180e: '蒙古文元音分隔符',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连字',
  0x200e: '从左到右标记',
  0x200f: '从右到左标记',
  0x2028: '行分隔符',
  0x2029: '段落分隔符',
  0x202a: '从左到右嵌入',
  0x202b: '从右到左嵌入',
  0x202c: '方向格式结束',
  0x202d: '从左到右强制',
  0x202e: '从右到左强制符 RLO',
  0x2060: '连接符',
  0x2066: '从左到右隔离',
  0x2067: '从右到左隔离',
  0x2068: '第一强方向隔离',
  0x2069: '方向隔离结束',
  0x3164: '韩文填充符',
  0xfeff: '字节顺序标记（BOM）',
  0xffa0: '半角韩文填充符',
  0xff1a: '中文全角冒号',
};

/** A Chinese name of a character that is not plain visible text (generic by category when it has none of its own). */
export function codePointName(cp: number): string {
  const named = NAMES[cp];
  if (named) return named;
  if (cp >= 0xd800 && cp <= 0xdfff) return '孤立的代理项（不成对的 UTF-16 半个字符）';
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'Unicode 非字符';
  if (cp >= 0xfe00 && cp <= 0xfe0f) return '变体选择符';
  if (cp >= 0xe0000 && cp <= 0xe007f) return '标签字符';
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return '私用区字符';
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return '控制字符';
  return '不可见字符';
}

/** `text` with each invisible, control or bidi character (src/shared/invisible.ts) written as `[U+202E]`. */
export function labelInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, (ch) => `[${codePointLabel(ch.codePointAt(0)!)}]`);
}

/** `U+202E（从右到左强制符 RLO）`: the label and the name together. */
export function describeCodePoint(cp: number): string {
  return `${codePointLabel(cp)}（${codePointName(cp)}）`;
}
