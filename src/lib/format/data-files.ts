/**
 * Canonical formatting of a whole data directory: every data file of the layout, read the way
 * the loader reads it (UTF-8, size limit, no symlinks), formatted by `canonical.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanLayout } from '../load/layout.ts';
import { MAX_FILE_BYTES, MAX_INSPECTION_BYTES, readDataFile } from '../load/read.ts';
import type { FileKind } from '../schema/index.ts';
import { findSchemaDir, formatDataText } from './canonical.ts';

/** The outcome for one data file. */
export interface FileFormat {
  /** Display path, relative to the data directory's parent (`data/units/x/unit.yaml`). */
  file: string;
  /** Absolute path. */
  abs: string;
  kind: FileKind;
  /** The file's text as it is on disk. */
  before: string;
  /** The canonical text; undefined when the file cannot be formatted (see `skipped`). */
  after?: string;
  /** Why the file was left alone (it has an error the validator reports). */
  skipped?: { line: number; reason: string };
}

/**
 * Formats the data files of `dataDir` (all of them, or those whose absolute paths are in
 * `only`). Nothing is written.
 */
export function formatDataDir(dataDir: string, only?: ReadonlySet<string>): FileFormat[] {
  const results: FileFormat[] = [];
  const schemaDir = findSchemaDir(dataDir);
  for (const ref of scanLayout(dataDir).files) {
    if (only && !only.has(path.resolve(ref.abs))) continue;
    const read = readDataFile(
      ref.abs,
      ref.file,
      ref.kind === 'inspection' || ref.kind === 'filing-numbers' ? MAX_INSPECTION_BYTES : MAX_FILE_BYTES,
    );
    if (read.problem) {
      results.push({
        file: ref.file,
        abs: ref.abs,
        kind: ref.kind,
        before: '',
        skipped: { line: read.problem.line, reason: read.problem.message },
      });
      continue;
    }
    const before = readFileSync(ref.abs, 'utf8');
    const result = formatDataText(read.text, ref.kind, { rel: ref.rel, display: ref.file, abs: ref.abs, schemaDir });
    if (result.ok) results.push({ file: ref.file, abs: ref.abs, kind: ref.kind, before, after: result.text });
    else results.push({ file: ref.file, abs: ref.abs, kind: ref.kind, before, skipped: { line: result.line, reason: result.reason } });
  }
  return results;
}
