/**
 * Source positions of every key and value of a parsed YAML file, addressed by path
 * (`['events', 0, 'date']`). Offsets are stored; line and column are computed on demand from the
 * line starts the `yaml` package's LineCounter collected.
 *
 * Positions live in a tree with one node per key or item, not in a map keyed by the joined path:
 * a joined path is as long as all its ancestors' keys together, so a hostile file with long keys
 * nested a few dozen levels and many leaves below them (1 MB of text) needed gigabytes for the
 * path strings alone. The tree holds one small node per YAML node, whatever the depth.
 */
import type { Position } from '../problems.ts';

export type PathSegment = string | number;

/** The path key of a path: segments joined by dots (for display and messages). */
export function pathKey(path: readonly PathSegment[]): string {
  return path.join('.');
}

/** Where one key or item of the file is: its mapping key, its value, the source of a plain scalar. */
export class PositionNode {
  /** Offset of the mapping key (for values inside a mapping). */
  key?: number;
  /** Offset of the value. */
  value?: number;
  /** Source text of a plain scalar YAML read as a number, boolean or null. */
  source?: string;
  #children?: Map<string, PositionNode>;

  /** The node of a child key or index, created on first use. */
  child(segment: PathSegment): PositionNode {
    this.#children ??= new Map();
    const name = String(segment);
    let node = this.#children.get(name);
    if (!node) {
      node = new PositionNode();
      this.#children.set(name, node);
    }
    return node;
  }

  /** The node of a child key or index, if recorded. */
  get(segment: PathSegment): PositionNode | undefined {
    return this.#children?.get(String(segment));
  }
}

export class PositionIndex {
  readonly #lineStarts: readonly number[];
  /** The document's root value. */
  readonly root = new PositionNode();

  constructor(lineStarts: readonly number[]) {
    this.#lineStarts = lineStarts;
  }

  /** The nodes along `path` that exist, root first. */
  #trail(path: readonly PathSegment[]): PositionNode[] {
    const trail = [this.root];
    for (const segment of path) {
      const next = trail[trail.length - 1]!.get(segment);
      if (!next) break;
      trail.push(next);
    }
    return trail;
  }

  /** The source text of a plain non-string scalar at `path`, if any (e.g. `0123` read as 123). */
  scalarSource(path: readonly PathSegment[]): string | undefined {
    const trail = this.#trail(path);
    return trail.length === path.length + 1 ? trail[trail.length - 1]!.source : undefined;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): Position {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }

  /**
   * Where the value at `path` is, or its mapping key with `which: 'key'`. A path that does not
   * exist (a missing field) resolves to its nearest existing ancestor: the key of the mapping
   * that lacks the field, or the start of the document.
   */
  at(path: readonly PathSegment[], which: 'key' | 'value' = 'value'): Position {
    const trail = this.#trail(path);
    for (let n = trail.length - 1; n >= 0; n--) {
      const node = trail[n]!;
      const exact = n === path.length;
      const offset = which === 'key' || !exact ? (node.key ?? node.value) : (node.value ?? node.key);
      if (offset !== undefined) return this.position(offset);
    }
    return { line: 1, column: 1 };
  }
}
