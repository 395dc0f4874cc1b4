/**
 * Handle patterns from `platforms.yaml`, matched in linear time.
 *
 * The patterns are data, so a pull request can set one. JavaScript's RegExp backtracks: a
 * pattern such as `(a+)+` takes exponential time on a handle of 30 `a`s and a `!`, and a
 * 100-character handle would hang the validator and the build for ever. So a pattern is
 * compiled here into a Thompson NFA and simulated over the handle (Pike's method): time is
 * proportional to the handle's length times the pattern's size, whatever the pattern.
 *
 * Only what a handle format needs is supported: characters, escapes and classes (`\d`, `[a-z]`,
 * `.`, `\p{…}`), groups, `|`, `?`, `*`, `+` and `{n,m}`, and `^`/`$`. Backreferences, lookaround
 * and word boundaries are refused (the validator reports `schema.bad-regex` with the reason).
 * A single character class is tested by a one-character JavaScript RegExp, which cannot
 * backtrack, so classes mean exactly what they mean in JavaScript with the `u` flag.
 */

/** Largest compiled pattern, in NFA states (a `{1,300}` of a class is 300 states). */
export const MAX_PATTERN_STATES = 5000;

/** A pattern compiled for whole-string matching. */
export interface HandleMatcher {
  /** Whether the whole text matches the pattern (as `^(?:pattern)$` with the `u` flag). */
  test(text: string): boolean;
}

/** Why a pattern cannot be used. */
export class UnsupportedPattern extends Error {}

type Ast =
  | { t: 'char'; re: RegExp }
  | { t: 'start' }
  | { t: 'end' }
  | { t: 'seq'; items: Ast[] }
  | { t: 'alt'; options: Ast[] }
  | { t: 'repeat'; item: Ast; min: number; max: number };

/** Parses the supported subset of JavaScript RegExp syntax. */
class Parser {
  #i = 0;
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  parse(): Ast {
    const ast = this.#alternation();
    if (this.#i < this.src.length) throw new UnsupportedPattern(`第 ${this.#i + 1} 个字符“${this.src[this.#i]}”没有配对的左括号`);
    return ast;
  }

  #peek(): string | undefined {
    return this.src[this.#i];
  }

  #alternation(): Ast {
    const options = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#i++;
      options.push(this.#sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  #sequence(): Ast {
    const items: Ast[] = [];
    for (let c = this.#peek(); c !== undefined && c !== '|' && c !== ')'; c = this.#peek()) {
      const atom = this.#atom();
      items.push(this.#quantified(atom));
    }
    return { t: 'seq', items };
  }

  #quantified(atom: Ast): Ast {
    let result = atom;
    for (;;) {
      const c = this.#peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max, this.#i] = [0, Infinity, this.#i + 1];
      else if (c === '+') [min, max, this.#i] = [1, Infinity, this.#i + 1];
      else if (c === '?') [min, max, this.#i] = [0, 1, this.#i + 1];
      else if (c === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.#i));
        if (!m) throw new UnsupportedPattern('“{” 后应是重复次数，例如 {2,30}');
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        this.#i += m[0].length;
      } else return result;
      if (result.t === 'start' || result.t === 'end') throw new UnsupportedPattern('^ 和 $ 后不能跟重复次数');
      if (this.#peek() === '?') this.#i++; // lazy: the same set of whole-string matches
      result = { t: 'repeat', item: result, min, max };
      if (this.#peek() === '*' || this.#peek() === '+' || this.#peek() === '?' || this.#peek() === '{') {
        throw new UnsupportedPattern('重复次数不能连写');
      }
    }
  }

  #atom(): Ast {
    const c = this.#peek()!;
    if (c === '(') {
      this.#i++;
      const rest = this.src.slice(this.#i);
      if (rest.startsWith('?:')) this.#i += 2;
      else if (/^\?<[A-Za-z_$][\w$]*>/.test(rest)) this.#i = this.src.indexOf('>', this.#i) + 1;
      else if (rest.startsWith('?')) throw new UnsupportedPattern('不支持 (?= (?! (?<= (?<! 这样的环视写法');
      const inner = this.#alternation();
      if (this.#peek() !== ')') throw new UnsupportedPattern('括号没有配对');
      this.#i++;
      return inner;
    }
    if (c === '^') {
      this.#i++;
      return { t: 'start' };
    }
    if (c === '$') {
      this.#i++;
      return { t: 'end' };
    }
    if (c === '[') return this.#single(this.#classSource());
    if (c === '\\') return this.#single(this.#escapeSource());
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new UnsupportedPattern(`“${c}” 前面没有可以重复的内容`);
    const cp = this.src.codePointAt(this.#i)!;
    const ch = String.fromCodePoint(cp);
    this.#i += ch.length;
    return this.#single(c === '.' ? '.' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  }

  /** `[…]` up to its closing bracket. */
  #classSource(): string {
    const start = this.#i;
    this.#i++;
    if (this.#peek() === '^') this.#i++;
    if (this.#peek() === ']') this.#i++;
    while (this.#i < this.src.length && this.#peek() !== ']') this.#i += this.#peek() === '\\' ? 2 : 1;
    if (this.#peek() !== ']') throw new UnsupportedPattern('方括号没有配对');
    this.#i++;
    return this.src.slice(start, this.#i);
  }

  /** One escape that stands for one character or a character class. */
  #escapeSource(): string {
    const rest = this.src.slice(this.#i);
    const m =
      /^\\(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|0(?!\d)|[dDwWsStnrfv]|[\\^$.*+?()[\]{}|/])/.exec(
        rest,
      );
    if (!m) {
      if (/^\\[bB]/.test(rest)) throw new UnsupportedPattern('不支持 \\b、\\B 单词边界');
      if (/^\\[1-9k]/.test(rest)) throw new UnsupportedPattern('不支持 \\1、\\k<名称> 这样的反向引用');
      throw new UnsupportedPattern(`不支持的转义 ${rest.slice(0, 2)}`);
    }
    this.#i += m[0].length;
    return m[0];
  }

  #single(source: string): Ast {
    return { t: 'char', re: new RegExp(`^${source}$`, 'u') };
  }
}

/** NFA states: a character test, a split into two states, an anchor, or acceptance. */
type State =
  | { k: 'char'; re: RegExp; out: number }
  | { k: 'split'; a: number; b: number }
  | { k: 'start' | 'end' | 'jump'; out: number }
  | { k: 'match' };

/** Compiles an AST into states; every fragment has one entry and its dangling exits patched later. */
class Compiler {
  readonly states: State[] = [];

  #add(state: State): number {
    if (this.states.length >= MAX_PATTERN_STATES)
      throw new UnsupportedPattern(`格式过于复杂（展开后超过 ${MAX_PATTERN_STATES} 个状态），请简化重复次数`);
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Compiles `ast` so that it continues at `next`; returns its entry state. */
  compile(ast: Ast, next: number): number {
    switch (ast.t) {
      case 'char':
        return this.#add({ k: 'char', re: ast.re, out: next });
      case 'start':
      case 'end':
        return this.#add({ k: ast.t, out: next });
      case 'seq': {
        let entry = next;
        for (let i = ast.items.length - 1; i >= 0; i--) entry = this.compile(ast.items[i]!, entry);
        return entry;
      }
      case 'alt': {
        let entry = this.compile(ast.options[ast.options.length - 1]!, next);
        for (let i = ast.options.length - 2; i >= 0; i--)
          entry = this.#add({ k: 'split', a: this.compile(ast.options[i]!, next), b: entry });
        return entry;
      }
      case 'repeat': {
        let entry = next;
        if (ast.max === Infinity) {
          // loop: split → item → back to split; or leave
          const loop = this.#add({ k: 'split', a: -1, b: next });
          const body = this.compile(ast.item, loop);
          (this.states[loop] as { a: number }).a = body;
          entry = loop;
        } else {
          for (let i = ast.min; i < ast.max; i++) entry = this.#add({ k: 'split', a: this.compile(ast.item, entry), b: next });
        }
        for (let i = 0; i < ast.min; i++) entry = this.compile(ast.item, entry);
        return entry;
      }
    }
  }
}

/** Compiles a handle pattern; throws UnsupportedPattern (with a Chinese reason) when it cannot be used. */
export function compileHandlePattern(pattern: string): HandleMatcher {
  const ast = new Parser(pattern).parse();
  const compiler = new Compiler();
  const match = compiler.states.length;
  compiler.states.push({ k: 'match' });
  const start = compiler.compile(ast, match);
  const states = compiler.states;

  return {
    test(text: string): boolean {
      const chars = Array.from(text);
      let current = new Set<number>();
      /** Adds a state and everything reachable from it without reading a character. */
      const close = (set: Set<number>, s: number, pos: number) => {
        const stack = [s];
        while (stack.length > 0) {
          const id = stack.pop()!;
          if (set.has(id)) continue;
          set.add(id);
          const state = states[id]!;
          if (state.k === 'split') stack.push(state.b, state.a);
          else if (state.k === 'jump') stack.push(state.out);
          else if (state.k === 'start' && pos === 0) stack.push(state.out);
          else if (state.k === 'end' && pos === chars.length) stack.push(state.out);
        }
      };
      close(current, start, 0);
      for (let pos = 0; pos < chars.length; pos++) {
        const next = new Set<number>();
        for (const id of current) {
          const state = states[id]!;
          if (state.k === 'char' && state.re.test(chars[pos]!)) close(next, state.out, pos + 1);
        }
        if (next.size === 0) return false;
        current = next;
      }
      return current.has(match);
    },
  };
}
