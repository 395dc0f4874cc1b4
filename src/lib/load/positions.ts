/**
 * Source positions of every key and value of a parsed YAML file, addressed by path
 * (`events.0.date`). Offsets are stored; line and column are computed on demand from the
 * line starts the `yaml` package's LineCounter collected.
 */
import type { Position } from '../problems.ts';

export type PathSegment = string | number;

/** The path key of a path: segments joined by dots. */
export function pathKey(path: readonly PathSegment[]): string {
  return path.join('.');
}

export class PositionIndex {
  readonly #lineStarts: readonly number[];
  readonly #values = new Map<string, number>();
  readonly #keys = new Map<string, number>();
  readonly #scalarSources = new Map<string, string>();

  constructor(lineStarts: readonly number[]) {
    this.#lineStarts = lineStarts;
  }

  /** Records where the value at `key` starts. */
  setValue(key: string, offset: number): void {
    this.#values.set(key, offset);
  }

  /** Records where the mapping key of the value at `key` starts. */
  setKey(key: string, offset: number): void {
    this.#keys.set(key, offset);
  }

  /** Records the source text of a plain scalar YAML read as a number, boolean or null. */
  setScalarSource(key: string, source: string): void {
    this.#scalarSources.set(key, source);
  }

  /** The source text of a plain non-string scalar at `path`, if any (e.g. `0123` read as 123). */
  scalarSource(path: readonly PathSegment[]): string | undefined {
    return this.#scalarSources.get(pathKey(path));
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
    for (let n = path.length; n >= 0; n--) {
      const key = pathKey(path.slice(0, n));
      const exact = n === path.length;
      const offset =
        which === 'key' || !exact ? (this.#keys.get(key) ?? this.#values.get(key)) : (this.#values.get(key) ?? this.#keys.get(key));
      if (offset !== undefined) return this.position(offset);
    }
    return { line: 1, column: 1 };
  }
}
