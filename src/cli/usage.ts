/**
 * The command helper every CLI uses (src/cli/*.ts, run by the thin shims in scripts/):
 * - `parseFlags`: strict flag parsing (an unknown flag or a missing value is a usage error; `-h`/
 *   `--help` is always there),
 * - `resolveDataDir`, `checkDate`: the checks of the common flags,
 * - `readOptions`: turns `--help` and a usage error into output and an exit code (0 and 2),
 * - `writeGenerated`: the `--check` mode of the commands that write generated files (schemas,
 *   docs, codeowners): write what changed, or with `--check` write nothing and exit 1,
 * - `runMain`: what a script in scripts/ calls, with the process's streams.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isValidDate } from '../lib/dates.ts';

/** A problem with the command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** What a command reads and writes (the process's streams, or a test's). */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout is a terminal (colours, and nothing else, depend on it). */
  isTTY: boolean;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsOptionsConfig;

/** Flag errors of node:util parseArgs in Chinese (the flag itself is quoted from its message). */
function flagMessage(error: Error & { code?: string }): string {
  const flag = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有这个选项：${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) ? `选项 ${flag} 后面缺少值` : `选项 ${flag} 不带值`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${/'([^']*)'/.exec(error.message)?.[1] ?? ''}`;
    default:
      return error.message;
  }
}

/**
 * Parses `argv` strictly against `options` (plus `-h`/`--help`). Unknown flags, missing values and,
 * unless `positionals` is set, positional arguments are usage errors.
 */
export function parseFlags<T extends ParseArgsOptionsConfig>(argv: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new UsageError(flagMessage(error as Error));
  }
}

/**
 * The absolute data directory of a `--data` value (default `data`), relative to `cwd`. An empty,
 * blank or space-padded value, the file-system root and the home directory are usage errors (a
 * mistyped `--data "$DIR"` must not make a command read or rewrite a whole disk), as is a path that
 * is not an existing directory.
 */
export function resolveDataDir(cwd: string, value: string | undefined): string {
  if (value !== undefined) {
    if (value.trim() === '') throw new UsageError(`--data 不能为空${value ? '（只有空白字符）' : ''}：请给出数据目录，例如 --data data`);
    if (value.trim() !== value) throw new UsageError(`--data 的值首尾有空白字符：${JSON.stringify(value)}`);
  }
  const dir = path.resolve(cwd, value ?? 'data');
  if (path.parse(dir).root === dir) throw new UsageError(`--data 不能是根目录 ${dir}：请给出数据目录，例如 --data data`);
  if (dir === path.resolve(os.homedir())) throw new UsageError(`--data 不能是用户主目录 ${dir}：请给出数据目录，例如 --data data`);
  checkDataDir(dir);
  return dir;
}

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

/** The options of a generator whose only flag is `--check`: `{ check }`, or the exit code after help or a usage error. */
export function readCheckOption(argv: string[], usage: string, io: Pick<CommandIo, 'stdout' | 'stderr'>): { check: boolean } | number {
  return readOptions(
    () => {
      const { values } = parseFlags(argv, { check: { type: 'boolean' } });
      return values.help ? 'help' : { check: values.check ?? false };
    },
    usage,
    '错误：',
    io,
  );
}

/** A generated file: where it goes, how to name it in messages, and its text. */
export interface GeneratedFile {
  path: string;
  display: string;
  text: string;
}

/**
 * Writes the generated files whose text changed (creating folders), or with `check` writes nothing
 * and lists the stale ones. Returns the exit code: 0 written or up to date, 1 stale with `check`.
 * `fix` is the command that regenerates them (named in the message).
 */
export function writeGenerated(
  files: readonly GeneratedFile[],
  options: { check: boolean; fix: string; what: string },
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): number {
  const stale = files.filter((f) => (existsSync(f.path) ? readFileSync(f.path, 'utf8') : undefined) !== f.text);
  if (options.check) {
    if (stale.length === 0) {
      io.stdout(`✔ ${options.what}是最新的${files.length > 1 ? `（${files.length} 个文件）` : ''}。\n`);
      return 0;
    }
    const names = stale.map((f) => `${f.display}${existsSync(f.path) ? '' : '（不存在）'}`);
    io.stderr(`✖ ${names.join('、')} 已过期：运行 ${options.fix} 后提交改动。\n`);
    return 1;
  }
  for (const f of stale) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.text);
    io.stdout(`已更新 ${f.display}\n`);
  }
  io.stdout(stale.length ? `✔ 更新了 ${stale.length} 个文件。\n` : `✔ ${options.what}已是最新。\n`);
  return 0;
}

/** The streams of this process. */
function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  };
}

/** Runs a command with this process's arguments and streams and sets the exit code (scripts/*). */
export async function runMain(run: (argv: string[], io: CommandIo) => number | Promise<number>): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo());
}
