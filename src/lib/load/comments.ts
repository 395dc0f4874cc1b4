/**
 * What YAML comments may not hold. A comment is not data, but it is shown to every reviewer of
 * a pull request and published with the repository: a bidi control or another invisible
 * character in it can make the line a reviewer reads differ from the line the parser reads
 * (Trojan source), and a mobile or ID number in it is as public as one in a value. The comments
 * are found by the `yaml` package's lexer (so a `#` inside a quoted text or a block text is not a
 * comment), which runs only on files that have a suspicious line at all.
 */
import { CST, Lexer } from 'yaml';
import { describeCodePoint } from '../code-points.ts';
import { problem, type Problem } from '../problems.ts';
import { findPersonalData } from '../facts/personal-data.ts';
import { INVISIBLE_RE } from '../../shared/invisible.ts';

/** Lexer tokens that mark a position and are not part of the text. */
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Invisible characters of a comment (without its line break), distinct, in order. */
function invisibleIn(comment: string): number[] {
  const found = new Set<number>();
  // A tab or the carriage return of a Windows line end is harmless in a comment.
  for (const m of comment.replace(/[\t\r\n]/g, '').matchAll(INVISIBLE_RE)) found.add(m[0].codePointAt(0)!);
  return [...found];
}

/** Whether a line could hold a problem in a comment: a `#` followed by an invisible character or personal data. */
function suspicious(line: string): boolean {
  const hash = line.indexOf('#');
  if (hash < 0) return false;
  const rest = line.slice(hash);
  return invisibleIn(rest).length > 0 || findPersonalData(rest).length > 0;
}

/** Problems of the comments of one file's text: invisible characters (named by code point) and personal data. */
export function checkComments(text: string, file: string): Problem[] {
  if (!text.includes('#') || !text.split('\n').some(suspicious)) return [];
  const problems: Problem[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && MARKERS.has(token)) continue;
    if (CST.tokenType(token) === 'comment') {
      const at = { file, line, column: offset - lineStart + 1 };
      const chars = invisibleIn(token);
      if (chars.length > 0) problems.push(problem('schema.invisible-comment', at, { chars: chars.map(describeCodePoint).join('、') }));
      for (const datum of findPersonalData(token)) problems.push(problem(`personal-data.${datum.kind}`, at, { masked: datum.masked }));
    }
    for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    offset += token.length;
  }
  return problems;
}

/** Problems of a file or folder name: personal data in it (the name becomes part of a public address). */
export function checkName(name: string, at: { file: string; line: number; column: number }): Problem[] {
  return findPersonalData(name.replace(/\.ya?ml$/i, '')).map((datum) =>
    problem('personal-data.file-name', at, { name, masked: datum.masked }),
  );
}
