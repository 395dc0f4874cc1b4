/**
 * Parsing one YAML text into plain data plus the position of every key and value.
 *
 * Safe by construction: anchors, aliases and explicit tags are refused before any value is
 * built (no alias bombs, no custom types), duplicate keys are reported with the line of the
 * duplicate and of the first occurrence, and every parser error becomes a `yaml-syntax`
 * problem with a hint in Chinese.
 */
import { CST, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { describeCodePoint } from '../code-points.ts';
import { problem, type Problem } from '../problems.ts';
import { parseCanonicalLines } from './canonical-lines.ts';
import { PositionIndex, type PositionNode } from './positions.ts';
import { quoteValue } from './schema-check.ts';

export interface ParsedYaml {
  /** The document as plain data (objects, arrays, strings, numbers, booleans, null). */
  data: unknown;
  positions: PositionIndex;
}

export type ParseResult = { parsed: ParsedYaml; problems: [] } | { parsed?: undefined; problems: Problem[] };

/** Chinese hints for the `yaml` package's error codes. */
const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: '缩进里有 Tab 字符：YAML 只能用空格缩进，请把 Tab 换成空格（编辑器可设置“用空格代替 Tab”）',
  BAD_INDENT: '缩进不对：同一层级的字段必须左对齐，子项比父项多缩进两个空格',
  MISSING_CHAR: '缺少配对的引号或括号',
  BAD_SCALAR_START: '这个值不能以 @、`、% 等符号开头：请给整个值加上英文引号，例如 "@dongxiang/jiaoyuju"',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不对：检查冒号后是否漏了空格，或上一行是否少了冒号',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行：检查是否漏了冒号，或长文本是否需要加引号',
  UNEXPECTED_TOKEN: '这里出现了意外的字符：检查冒号、短横线和引号',
  BAD_DQ_ESCAPE: '双引号里的反斜杠转义不对：改用单引号，或删掉反斜杠',
  MULTIPLE_DOCS: '一个文件只能有一份内容：删除多余的 --- 分隔线及其后的内容',
  KEY_OVER_1024_CHARS: '字段名过长',
  DUPLICATE_KEY: '字段重复',
  BAD_DIRECTIVE: '不支持 % 开头的指令行：请删除',
  MISSING_DIRECTIVE: '不支持 % 开头的指令行：请删除',
};

/** Reasons that make a file unsafe, in the order they are checked. */
type UnsafeReason = 'anchor' | 'alias' | 'tag' | 'complex-key';

interface WalkState {
  positions: PositionIndex;
  problems: Problem[];
  file: string;
  depth: number;
}

const MAX_DEPTH = 64;

function keyText(node: unknown): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean')) {
    return String(node.value);
  }
  if (isScalar(node) && node.value === null) return '';
  return undefined;
}

function unsafe(state: WalkState, reason: UnsafeReason, offset: number): void {
  const at = { file: state.file, ...state.positions.position(offset) };
  state.problems.push(problem(`yaml-unsafe.${reason}`, at, {}));
}

/** Walks the node tree: records positions, refuses unsafe constructs, finds duplicate keys. */
function walk(node: Node | null | undefined, slot: PositionNode, state: WalkState): void {
  if (!node) return;
  const offset = node.range?.[0] ?? 0;
  slot.value = offset;
  if (isAlias(node)) return unsafe(state, 'alias', offset);
  if (node.anchor) unsafe(state, 'anchor', offset);
  if (node.tag) unsafe(state, 'tag', offset);
  if (state.depth >= MAX_DEPTH) {
    state.problems.push(problem('yaml-unsafe.too-deep', { file: state.file, ...state.positions.position(offset) }, { max: MAX_DEPTH }));
    return;
  }
  state.depth++;
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const k = pair.key as Node | null;
      const name = keyText(k);
      const keyOffset = k?.range?.[0] ?? offset;
      if (name === undefined) {
        unsafe(state, 'complex-key', keyOffset);
        continue;
      }
      if (isAlias(k)) unsafe(state, 'alias', keyOffset);
      else if (k && (k.anchor || k.tag)) unsafe(state, k.anchor ? 'anchor' : 'tag', keyOffset);
      const first = seen.get(name);
      if (first !== undefined) {
        const at = { file: state.file, ...state.positions.position(keyOffset) };
        state.problems.push(
          problem('yaml-duplicate-key.key', at, { key: quoteValue(name), firstLine: state.positions.position(first).line }),
        );
        continue;
      }
      seen.set(name, keyOffset);
      const child = slot.child(name);
      child.key = keyOffset;
      const value = pair.value as Node | null;
      if (value) walk(value, child, state);
      else child.value = keyOffset;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item as Node, slot.child(i), state));
  } else if (isScalar(node)) {
    if (typeof node.value !== 'string' && node.type === 'PLAIN' && typeof node.source === 'string') slot.source = node.source;
  }
  state.depth--;
}

function syntaxProblem(error: YAMLError, file: string, positions: PositionIndex): Problem {
  const at = { file, ...positions.position(error.pos[0]) };
  const hint = SYNTAX_HINTS[error.code];
  return problem('yaml-syntax.parse', at, { hint: hint ?? `无法解析（${error.code}）：检查此处的缩进、冒号和引号` });
}

/**
 * Deepest bracket nesting outside quotes: a cheap bound checked before parsing, since the parser
 * spends seconds on a megabyte of `[[[[…`. Legitimate filings nest two or three levels.
 */
function maxBracketDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote || c === '\n') quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > max) [max, offset] = [depth, i];
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth: max, offset };
}

/** Most values (YAML nodes) in one file; inspection records list every account, so they get more. */
export const MAX_NODES = 50_000;
export const MAX_INSPECTION_NODES = 2_000_000;

/** Lexer tokens that start a value. */
const VALUE_TOKENS = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'flow-map-start',
  'flow-seq-start',
  'alias',
]);

/**
 * Whether a text holds more than `max` values, found by the lexer alone (a few bytes of memory
 * per token). The parser needs about 600 bytes per value: a 1 MB list of `1,1,1,…` is 500,000
 * values and half a gigabyte, an 8 MB one four gigabytes and minutes. A value takes at least two
 * characters, so shorter texts are not lexed.
 */
function tooManyNodes(text: string, max: number): boolean {
  if (text.length < 2 * max) return false;
  let count = 0;
  for (const token of new Lexer().lex(text)) {
    if (VALUE_TOKENS.has(CST.tokenType(token) ?? '') && ++count > max) return true;
  }
  return false;
}

export interface ParseOptions {
  /** Most values the file may hold (default MAX_NODES). */
  maxNodes?: number;
  /** Try the fast reader of the canonical layout first (see canonical-lines.ts); data files do. */
  canonical?: boolean;
}

/** A key at the start of a line (after indentation and an optional `- `) or of a flow mapping entry, then a full-width colon. */
const FULL_WIDTH_COLON_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)([ \t]*)\uFF1A/;
const FULL_WIDTH_COLON_FLOW = /([{,]\s*)([A-Za-z_][\w-]*)([ \t]*)\uFF1A/g;

/**
 * Keys followed by a Chinese full-width colon `：` (a common slip with a Chinese input method):
 * each is reported, naming the character and the fix, and the text is read as if the colon were
 * `: `, so the rest of the file is still checked in the same round. Comment lines are left alone.
 */
export function repairFullWidthColons(text: string, file: string): { text: string; problems: Problem[] } {
  if (!text.includes('\uFF1A')) return { text, problems: [] };
  const problems: Problem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('\uFF1A') || /^\s*#/.test(line)) continue;
    const fix = (match: string, before: string, key: string, spaces: string, offset: number, whole: string) => {
      const column = offset + match.length;
      problems.push(
        problem('yaml-syntax.full-width-colon', { file, line: i + 1, column }, { key: quoteValue(key), char: describeCodePoint(0xff1a) }),
      );
      // `key:value` is one text to YAML: the repaired colon gets its space.
      return `${before}${key}${spaces}:${/\s/.test(whole[column] ?? ' ') ? '' : ' '}`;
    };
    let fixed = line.replace(FULL_WIDTH_COLON_LINE, (m, before: string, key: string, spaces: string) =>
      fix(m, before, key, spaces, 0, line),
    );
    if (fixed.includes('{')) {
      const current = fixed;
      fixed = current.replace(FULL_WIDTH_COLON_FLOW, (m, before: string, key: string, spaces: string, offset: number) =>
        fix(m, before, key, spaces, offset, current),
      );
    }
    lines[i] = fixed;
  }
  return { text: lines.join('\n'), problems };
}

/** Parses one YAML text. `file` is the display path used in problems. */
export function parseYaml(text: string, file: string, { maxNodes = MAX_NODES, canonical = false }: ParseOptions = {}): ParseResult {
  if (canonical) {
    const fast = parseCanonicalLines(text);
    if (fast) return { parsed: fast, problems: [] };
  }
  const lineCounter = new LineCounter();
  const positions = new PositionIndex(lineCounter.lineStarts);
  const nesting = maxBracketDepth(text);
  if (nesting.depth > MAX_DEPTH) {
    const line = text.slice(0, nesting.offset).split('\n').length;
    return { problems: [problem('yaml-unsafe.too-deep', { file, line, column: 1 }, { max: MAX_DEPTH })] };
  }
  if (tooManyNodes(text, maxNodes))
    return { problems: [problem('yaml-unsafe.too-many-nodes', { file, line: 1, column: 1 }, { limit: maxNodes })] };
  let doc;
  try {
    doc = parseDocument(text, {
      lineCounter,
      version: '1.2',
      schema: 'core',
      uniqueKeys: false,
      strict: true,
      prettyErrors: false,
      merge: false,
      keepSourceTokens: false,
    });
  } catch (error) {
    // A pathological input (e.g. very deep nesting) can exhaust the parser's stack.
    return { problems: [problem('yaml-unsafe.too-deep', { file, line: 1, column: 1 }, { max: MAX_DEPTH })] };
  }
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted)
    return { problems: [problem('yaml-unsafe.too-deep', { file, ...positions.position(exhausted.pos[0]) }, { max: MAX_DEPTH })] };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => syntaxProblem(e, file, positions));
    // One problem per line is enough: later errors on a line are usually consequences.
    const seenLines = new Set<number>();
    return { problems: problems.filter((p) => !seenLines.has(p.line) && seenLines.add(p.line)) };
  }
  const state: WalkState = { positions, problems: [], file, depth: 0 };
  try {
    walk(doc.contents as Node | null, positions.root, state);
  } catch {
    return { problems: [problem('yaml-unsafe.too-deep', { file, line: 1, column: 1 }, { max: MAX_DEPTH })] };
  }
  if (state.problems.length > 0) return { problems: state.problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return { problems: [problem('yaml-unsafe.too-deep', { file, line: 1, column: 1 }, { max: MAX_DEPTH })] };
  }
  return { parsed: { data, positions }, problems: [] };
}
