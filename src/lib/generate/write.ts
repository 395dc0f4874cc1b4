/**
 * Writing a generated dataset to disk. The output directory must not exist or be empty; the
 * dataset is written to a sibling temporary directory and renamed into place at the end, so a
 * failure never leaves a half-written data directory behind.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDataset, type GenerateOptions, type GenerateSummary } from './generate.ts';

/** The output directory exists and holds something (or is not a directory). */
export class OutputNotEmptyError extends Error {}

/** Throws `OutputNotEmptyError` unless `dir` is missing or an empty directory. */
export function assertEmptyOutput(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new OutputNotEmptyError(`${dir} exists and is not a directory`);
  if (readdirSync(dir).length > 0) throw new OutputNotEmptyError(`${dir} is not empty; choose a new or empty directory`);
}

/** Generates a dataset into `outDir` (which must not exist or be empty). */
export function writeDataset(outDir: string, options: GenerateOptions): GenerateSummary {
  const target = path.resolve(outDir);
  assertEmptyOutput(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.generating-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const made = new Set<string>([temp]);
  try {
    const summary = generateDataset(options, (file) => {
      const abs = path.join(temp, ...file.path.split('/'));
      const dir = path.dirname(abs);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(abs, file.text);
    });
    assertEmptyOutput(target); // nobody wrote there meanwhile
    if (existsSync(target)) rmdirSync(target);
    renameSync(temp, target);
    return summary;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
