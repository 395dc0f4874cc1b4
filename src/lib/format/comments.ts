/**
 * Where the `yaml` parser puts comments, and putting them back where a reader expects them.
 *
 * The parser attaches every comment that follows the last entry of a block to that block (or to
 * its last scalar), even when the comment is written further left, above the next key. Before
 * keys are reordered, such comments are given back to the key or item they stand above, using
 * the source's columns, so that they move with it.
 */
import { isMap, isPair, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { SCHEMA_COMMENT_RE } from './lines.ts';

/** Whether a comment starts on the same line, after `offset` (spaces, tabs and a `:` skipped). */
export function commentOnSameLine(source: string | undefined, offset: number | undefined, skipColon = false): boolean {
  if (source === undefined || offset === undefined) return true;
  let i = offset;
  const s = source;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || (skipColon && s[i] === ':'))) i++;
  return s[i] === '#';
}

/** Column (0-based) of an offset in the source. */
function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Splits the comment lines that follow a node in the source into those indented at least
 * `indent` (they stay with the node) and the rest, which the parser attached to the node only
 * because nothing followed it at its own level: they belong to what comes next further out.
 * Returns [kept, moved]; null when the lines cannot be matched with the source.
 */
function splitTrailing(source: string, comment: string, from: number, indent: number, skipInline: boolean): [string, string] | null {
  const lines = comment.split('\n');
  let i = skipInline ? 1 : 0;
  // The first line after the node's content (`from` may already be at a line start).
  let pos = source[from - 1] === '\n' ? from - 1 : source.indexOf('\n', from);
  let split = -1;
  for (; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    // Find the next comment line of the source with this text.
    let found = false;
    while (pos !== -1 && pos < source.length) {
      const start = pos + 1;
      const end = source.indexOf('\n', start);
      const line = source.slice(start, end === -1 ? undefined : end);
      pos = end;
      const m = /^( *)#(.*)$/.exec(line);
      if (m && m[2]!.trimEnd() === text.trimEnd()) {
        if (m[1]!.length < indent) split = i;
        found = true;
        break;
      }
      if (line.trim() !== '' && !m) return null;
    }
    if (!found) return null;
    if (split !== -1) break;
  }
  if (split === -1) return null;
  let cut = split;
  while (cut > 0 && lines[cut - 1]!.trim() === '') cut--;
  const kept = lines.slice(0, cut).join('\n');
  const moved = `${cut < split ? '\n' : ''}${lines.slice(split).join('\n')}`;
  return [kept, moved];
}

/** Column of the `-` of a block sequence item starting at `offset`. */
function dashColumn(source: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && source[i] !== '-' && source[i] !== '\n') i--;
  return source[i] === '-' ? columnOf(source, i) : columnOf(source, offset);
}

/**
 * Gives comments written at a lower indentation after the end of a nested block back to what
 * follows (the next key or item further out), so that they move with it when keys are
 * reordered. Returns the comment text that belongs further out than `collection` itself.
 */
export function reattach(source: string, collection: YAMLMap | YAMLSeq): string | undefined {
  const entries = collection.items as (Pair | Node)[];
  entries.forEach((entry, i) => {
    const value = (isPair(entry) ? entry.value : entry) as Node | null;
    if (!value?.range) return;
    let moved: string | undefined;
    const ownIndent = isPair(entry)
      ? columnOf(source, (entry.key as Node | null)?.range?.[0] ?? value.range[0])
      : dashColumn(source, value.range[0]);
    if ((isMap(value) || isSeq(value)) && !value.flow) moved = reattach(source, value);
    else if (value.comment) {
      const inline = commentOnSameLine(source, value.range[1]);
      const parts = splitTrailing(source, value.comment, value.range[1], ownIndent, inline);
      if (parts) {
        value.comment = parts[0] || undefined;
        moved = parts[1];
      }
    }
    if (moved === undefined) return;
    const next = entries[i + 1];
    const target = next ? ((isPair(next) ? next.key : next) as Node | null) : null;
    if (target) target.commentBefore = target.commentBefore ? `${moved}\n${target.commentBefore}` : moved;
    else collection.comment = collection.comment ? `${collection.comment}\n${moved}` : moved;
  });
  if (!collection.comment || !collection.range || collection.flow) return undefined;
  const indent = isSeq(collection) ? dashColumn(source, collection.range[0]) : columnOf(source, collection.range[0]);
  const parts = splitTrailing(source, collection.comment, collection.range[1], indent, false);
  if (!parts) return undefined;
  collection.comment = parts[0] || undefined;
  return parts[1];
}

/** Every comment line of a document, trimmed, without the schema line (to prove none was lost). */
export function commentLines(doc: Document): string[] {
  const lines: string[] = [];
  const add = (text: string | null | undefined) => {
    for (const line of text?.split('\n') ?? []) if (line.trim() && !SCHEMA_COMMENT_RE.test(line)) lines.push(line.trim());
  };
  const visit = (node: unknown) => {
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    add(n.commentBefore);
    add(n.comment);
    if (isMap(n) || isSeq(n)) for (const item of n.items) visit(item);
  };
  add(doc.commentBefore);
  visit(doc.contents);
  add(doc.comment);
  return lines.sort();
}
