/**
 * `npm run generate -- --accounts N --seed S --out DIR [--as-of YYYY-MM-DD]`
 *
 * Writes a deterministic synthetic data directory (see src/lib/generate/) that validates with
 * zero errors. DIR must not exist or be empty. Exit 0: written. Exit 2: usage problem or DIR
 * not empty (nothing written). Exit 1: the generator failed.
 */
import path from 'node:path';
import { checkOptions, DEFAULT_AS_OF, OutputNotEmptyError, writeDataset } from '../lib/generate/index.ts';
import { type CommandIo, parseFlags, readOptions, UsageError } from './usage.ts';

export const USAGE = `用法：npm run generate -- --accounts N --seed S --out DIR [--as-of YYYY-MM-DD]

生成一份可以通过校验的模拟数据目录（基准测试和大规模构建测试用）。

  --accounts N         账号文件数（≥ 1）
  --seed S             任意文字；同一个种子生成逐字节相同的数据
  --out DIR            输出的数据目录；须不存在或为空
  --as-of YYYY-MM-DD   “今天”：数据中的日期都不晚于这一天（默认 ${DEFAULT_AS_OF}）
  -h, --help           显示本帮助

退出码：0 已生成；1 生成失败；2 用法问题或输出目录不为空（什么也没有写）。`;

interface Options {
  accounts: number;
  seed: string;
  asOf: string;
  out: string;
}

function parseOptions(argv: string[], io: CommandIo): Options | 'help' {
  const { values } = parseFlags(argv, {
    accounts: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) return 'help';
  if (values.accounts === undefined || values.seed === undefined || values.out === undefined)
    throw new UsageError('须给出 --accounts、--seed 和 --out');
  if (!/^\d+$/.test(values.accounts)) throw new UsageError(`--accounts 须为正整数，而不是 ${values.accounts}`);
  if (values.out.trim() === '') throw new UsageError('--out 不能为空：请给出输出目录');
  const options = { accounts: Number(values.accounts), seed: values.seed, asOf: values['as-of'] ?? DEFAULT_AS_OF };
  const invalid = checkOptions(options);
  if (invalid) throw new UsageError(invalid);
  return { ...options, out: path.resolve(io.cwd, values.out) };
}

/** Runs the generator; returns the exit code. */
export function runGenerate(argv: string[], io: CommandIo): number {
  const options = readOptions(() => parseOptions(argv, io), USAGE, 'generate：', io);
  if (typeof options === 'number') return options;
  const display = path.relative(io.cwd, options.out) || '.';
  const started = performance.now();
  try {
    const s = writeDataset(options.out, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout(
      `generate: ${display}: ${s.accounts} accounts (${s.active} active, ${s.suspended} suspended, ${s.deregistered} deregistered) ` +
        `in ${s.units} units, ${s.inspections} inspections (${s.checks} checks, ${s.rectifications} rectifications, largest ${(s.largestInspectionBytes / 1024 / 1024).toFixed(2)} MiB), ` +
        `${s.impostors} impostors; ${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MiB, ${seconds} s\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof OutputNotEmptyError) {
      io.stderr(`generate：${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`generate: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}
