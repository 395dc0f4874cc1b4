/**
 * `npm run report -- [--as-of YYYY-MM-DD] [--format md|csv|html] [--year YYYY] [--data DIR] [--out FILE]`
 *
 * The weekly 通报 (default) or, with `--year`, the annual assessment summary, from the registry
 * as of a date. Exit 0: written. Exit 1: the data has errors (nothing is reported from invalid
 * data). Exit 2: usage or I/O problem.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml, renderMarkdown } from '../lib/compliance/document.ts';
import { computeCompliance } from '../lib/compliance/engine.ts';
import { annualCsv, annualReport, weeklyCsv, weeklyReport } from '../lib/compliance/report.ts';
import { todayInChina } from '../lib/dates.ts';
import { loadRegistry } from '../lib/registry.ts';
import { checkDate, parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment: tells whether npm runs the command (and prints its banner on stdout). */
  env?: Record<string, string | undefined>;
  /** Whether stdout is a terminal (then nothing is redirected to a file). */
  isTTY?: boolean;
}

export const USAGE = `用法：npm run report -- [选项]

  --as-of YYYY-MM-DD  统计截至哪一天（默认：北京时间今天）
  --format FORMAT     输出格式：md（默认，Markdown）、csv（Excel 可直接打开）、html（可打印，A4）
  --year YYYY         生成该年度的考核汇总（年度考核），而不是每周巡查通报
  --data DIR          数据目录（默认 data）
  --out FILE          写入文件（默认输出到屏幕）
  -h, --help          显示本帮助

保存为文件时请用 --out，例如：
  npm run report -- --format csv --out 通报.csv
或加 --silent 再重定向（否则 npm 会把一行命令横幅写在文件开头，Excel 打不开）：
  npm run --silent report -- --format csv > 通报.csv
CSV 为 UTF-8（带 BOM）编码，Excel 和 WPS 可以直接打开。

退出码：0 已生成；1 数据有错误（请先运行 npm run validate 并改正）；2 用法或读写问题。`;

type Format = 'md' | 'csv' | 'html';

interface Options {
  data: string;
  asOf: string;
  format: Format;
  year?: number;
  out?: string;
}

function parseOptions(argv: string[], io: Io): Options | 'help' {
  const { values } = parseFlags(argv, {
    data: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) return 'help';
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'csv' && format !== 'html') throw new UsageError(`--format 只能是 md、csv 或 html，而不是 ${format}`);
  const asOf = values['as-of'] ?? todayInChina();
  checkDate('--as-of', asOf);
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year > Number(asOf.slice(0, 4)))
      throw new UsageError(`--year 须为不晚于 ${asOf.slice(0, 4)} 的四位年份，而不是 ${values.year}`);
  }
  const data = resolveDataDir(io.cwd, values.data);
  return { data, asOf, format, year, out: values.out === undefined ? undefined : path.resolve(io.cwd, values.out) };
}

/** Runs the report command; returns the exit code. */
export async function runReport(argv: string[], io: Io): Promise<number> {
  const options = readOptions(() => parseOptions(argv, io), USAGE, 'report：', io);
  if (typeof options === 'number') return options;
  const { registry, problems } = loadRegistry(options.data, { asOf: options.asOf });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!registry || errors.length > 0) {
    const list = errors.slice(0, 20).map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`);
    const onlyFuture = errors.length > 0 && errors.every((p) => p.rule === 'future-date');
    const hint = onlyFuture
      ? `\n这些日期都晚于 --as-of ${options.asOf}：要生成过去某天的通报，请先检出当时的数据版本（例如 git checkout 当天的提交）。`
      : '';
    io.stderr(`report：数据有 ${errors.length} 个错误，不能生成通报。请先运行 npm run validate 并改正：\n${list.join('\n')}${hint}\n`);
    return 1;
  }

  let text: string;
  if (options.year !== undefined) {
    text =
      options.format === 'csv'
        ? annualCsv(registry, options.year)
        : (options.format === 'html' ? renderHtml : renderMarkdown)(annualReport(registry, options.year));
  } else {
    const compliance = computeCompliance(registry);
    text =
      options.format === 'csv'
        ? weeklyCsv(compliance)
        : (options.format === 'html' ? renderHtml : renderMarkdown)(weeklyReport(compliance));
  }

  if (!options.out) {
    // npm without --silent has already printed "> gov-newmedia-registry@… report" on stdout: a file
    // made with `> 通报.csv` starts with that line. Say so on stderr (which is not redirected).
    const env = io.env ?? {};
    if (!io.isTTY && env.npm_lifecycle_event === 'report' && env.npm_config_loglevel !== 'silent')
      io.stderr(
        'report：提示：npm run 不加 --silent 时，npm 会在输出前加一行横幅；保存文件请用 --out 文件名，或 npm run --silent report -- …\n',
      );
    io.stdout(text);
    return 0;
  }
  try {
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, text);
  } catch (error) {
    io.stderr(`report：无法写入 ${options.out}：${(error as Error).message}\n`);
    return 2;
  }
  io.stderr(`已写入 ${options.out}\n`);
  return 0;
}
