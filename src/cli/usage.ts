/**
 * What the commands share in reading their arguments: the usage error, the checks of the common
 * flags (`--data`, dates), and the step that turns `--help` and a usage error into output and an
 * exit code (0 and 2).
 */
import { existsSync, statSync } from 'node:fs';
import { isValidDate } from '../lib/dates.ts';

/** A problem with the command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Throws a UsageError unless `dir` is an existing directory. */
export function checkDataDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`数据目录不存在：${dir}`);
}

/** Throws a UsageError unless `value` of `flag` is a valid `YYYY-MM-DD` date. */
export function checkDate(flag: string, value: string): void {
  if (!isValidDate(value)) throw new UsageError(`${flag} 须为有效日期 YYYY-MM-DD，而不是 ${value}`);
}

/**
 * Reads the options with `parse`. Returns them, or the exit code after printing the usage text
 * (0 for `--help`) or the usage error after `prefix` and then the usage text (2).
 */
export function readOptions<O>(
  parse: () => O | 'help',
  usage: string,
  prefix: string,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): O | number {
  let options: O | 'help';
  try {
    options = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${prefix}${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(`${usage}\n`);
    return 0;
  }
  return options;
}
