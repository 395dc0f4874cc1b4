/**
 * Handle patterns from `platforms.yaml`, matched in linear time by RE2JS (the JavaScript port of
 * RE2, https://github.com/le0pard/re2js).
 *
 * The patterns are data, so a pull request can set one. JavaScript's RegExp backtracks: a
 * pattern such as `(a+)+` takes exponential time on a handle of 30 `a`s and a `!`, and a
 * 100-character handle would hang the validator and the build for ever. RE2 runs an automaton
 * instead: time is proportional to the handle's length times the pattern's size, whatever the
 * pattern.
 *
 * A pattern is written in JavaScript syntax (the `u` flag) and means what it means there. Before
 * RE2 sees it, it is rewritten where the two dialects differ: `.` and `\s`/`\S` get JavaScript's
 * meaning (`.` stops at every line terminator, `\s` includes Unicode spaces), `\p{Script=Han}`
 * becomes RE2's `\p{Han}`, and `\uXXXX` / named groups are converted by `RE2JS.translateRegExp`.
 * Backreferences and lookaround, which no linear-time engine can run, are refused with the reason
 * in Chinese (the validator reports `schema.bad-regex`), as is what RE2 itself refuses (a repeat
 * count over 1000, also when nested repeats multiply to more).
 */
import { RE2JS } from 're2js';

/** A pattern compiled for whole-string matching. */
export interface HandleMatcher {
  /** Whether the whole text matches the pattern (as `^(?:pattern)$` with the `u` flag). */
  test(text: string): boolean;
  /** The engine that runs it (RE2, linear time). */
  readonly engine: 're2js';
}

/** Why a pattern cannot be used. */
export class UnsupportedPattern extends Error {}

/** JavaScript's `\s` (with the `u` flag), as class contents. */
const JS_SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** JavaScript's `.` without the `s` flag. */
const JS_DOT = '[^\\n\\r\\u2028\\u2029]';

/**
 * Rewrites a JavaScript pattern where RE2 would read it differently; throws UnsupportedPattern for
 * what RE2 cannot run. Only escapes, classes and group openings matter, so this is a scan, not a
 * parser (the pattern already compiled as a JavaScript RegExp).
 */
function toRe2Syntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') throw new UnsupportedPattern(`不支持反向引用（\\${next}…）：请直接写出要匹配的字符`);
      if (next === 'p' || next === 'P') {
        const m = /^\{([^}]*)\}/.exec(pattern.slice(i + 2));
        if (m) {
          const [key, value] = m[1]!.includes('=') ? m[1]!.split('=') : [undefined, m[1]!];
          if (key !== undefined && key !== 'Script' && key !== 'sc')
            throw new UnsupportedPattern(`不支持 \\${next}{${m[1]}}：请用 \\p{Script=…} 或 \\p{L} 这样的写法`);
          out += `\\${next}{${value}}`;
          i += 1 + m[0].length;
          continue;
        }
      }
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S') {
        if (inClass) throw new UnsupportedPattern('方括号中不支持 \\S：请改写为不含 \\S 的字符类');
        out += `[^${JS_SPACE}]`;
      } else out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      // JavaScript's `[]` matches nothing and `[^]` anything; RE2 would read on to the next `]`.
      if (pattern.startsWith('[]', i) || pattern.startsWith('[^]', i)) {
        const negated = pattern[i + 1] === '^';
        out += negated ? '[\\s\\S]' : '[^\\s\\S]';
        i += negated ? 2 : 1;
        continue;
      }
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && /^\?(?:[=!]|<[=!])/.test(pattern.slice(i + 1)))
      throw new UnsupportedPattern('不支持 (?= (?! (?<= (?<! 这样的环视写法：请直接写出账号 ID 的格式');
    out += c === '.' ? JS_DOT : c;
  }
  return out;
}

/** RE2's reasons, in Chinese. */
function re2Reason(message: string): string {
  if (/invalid repeat count|bad repetition/.test(message)) return '重复次数太多（RE2 最多 1000 次，嵌套的重复按乘积计算）';
  if (/invalid character class range|invalid character class/.test(message)) return `RE2 不支持其中的字符类（${message}）`;
  return `RE2 不能使用这个写法（${message}）`;
}

/** Compiles a handle pattern; throws UnsupportedPattern (with a Chinese reason) when it cannot be used. */
export function compileHandlePattern(pattern: string): HandleMatcher {
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(toRe2Syntax(pattern)));
  } catch (error) {
    if (error instanceof UnsupportedPattern) throw error;
    throw new UnsupportedPattern(re2Reason((error as Error).message));
  }
  return { engine: 're2js', test: (text) => re.matches(text) };
}
