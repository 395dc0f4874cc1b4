/**
 * The lines a canonical file is made of, and how they are joined: at most one blank line in a
 * row, none at the ends, trailing comments of consecutive lines at one indentation aligned two
 * columns after the longest line (East Asian wide characters count two columns).
 */
import { displayWidth } from './scalar.ts';

/** A comment line that names the JSON Schema for editors. */
export const SCHEMA_COMMENT_RE = /^\s*yaml-language-server:\s*\$schema=(\S*)/;

/** One output line: content (with a trailing comment), a comment line, a raw literal-block line, or a blank. */
export type OutLine =
  | { type: 'content'; indent: number; text: string; comment?: string }
  | { type: 'comment'; indent: number; text: string }
  | { type: 'raw'; indent: number; text: string }
  | { type: 'blank' };

/** Appends comment text as comment lines at `indent` (empty lines as blank lines, the schema line left out). */
export function pushComments(out: OutLine[], text: string | null | undefined, indent: number): void {
  if (!text) return;
  for (const line of text.split('\n')) {
    if (SCHEMA_COMMENT_RE.test(line)) continue;
    if (line.trim() === '') out.push({ type: 'blank' });
    else out.push({ type: 'comment', indent, text: `#${line.trimEnd()}` });
  }
}

/** Joins the trailing comments of one line. */
export function inlineComment(...parts: (string | null | undefined)[]): string | undefined {
  const texts = parts.filter((p): p is string => !!p && p.trim() !== '').map((p) => `#${p.trimEnd()}`);
  return texts.length ? texts.join(' ') : undefined;
}

/** Joins the lines: one blank line at most, none at the ends, trailing comments aligned. */
export function render(lines: OutLine[]): string {
  const kept: OutLine[] = [];
  for (const line of lines) {
    if (line.type === 'blank' && (kept.length === 0 || kept[kept.length - 1]!.type === 'blank')) continue;
    kept.push(line);
  }
  while (kept.length && kept[kept.length - 1]!.type === 'blank') kept.pop();

  const text: string[] = [];
  let i = 0;
  while (i < kept.length) {
    const line = kept[i]!;
    if (line.type === 'blank') {
      text.push('');
      i++;
    } else if (line.type === 'raw') {
      text.push(line.text === '' ? '' : `${' '.repeat(line.indent)}${line.text}`);
      i++;
    } else if (line.type === 'comment') {
      text.push(`${' '.repeat(line.indent)}${line.text}`);
      i++;
    } else if (!line.comment) {
      text.push(`${' '.repeat(line.indent)}${line.text}`);
      i++;
    } else {
      // A run of consecutive lines at one indentation, each with a trailing comment.
      let j = i;
      while (j < kept.length) {
        const next = kept[j]!;
        if (next.type !== 'content' || !next.comment || next.indent !== line.indent) break;
        j++;
      }
      const run = kept.slice(i, j) as Extract<OutLine, { type: 'content' }>[];
      const bodies = run.map((l) => `${' '.repeat(l.indent)}${l.text}`);
      const column = Math.max(...bodies.map(displayWidth)) + 2;
      run.forEach((l, k) => text.push(`${bodies[k]}${' '.repeat(column - displayWidth(bodies[k]!))}${l.comment}`));
      i = j;
    }
  }
  return `${text.join('\n')}\n`;
}
