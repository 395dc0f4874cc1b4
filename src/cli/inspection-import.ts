/**
 * `npm run inspection:import -- FILE.csv [--date D] [--data DIR] [--inspector ID] [--due-days N]
 *  [--no-rectifications] [--force] [--dry-run] [--as-of D]`
 *
 * Imports the weekly check sheet (see src/lib/compliance/inspection-import.ts for the columns and
 * how accounts are matched) into data/inspections/<YYYY>/<date>.yaml. Every bad row is reported
 * with its row number and nothing is written; an existing record is never replaced without
 * `--force`; the written record is validated with the rest of the registry.
 *
 * Exit 0: written (or, with --dry-run, would be written). Exit 1: the sheet has errors, nothing
 * written. Exit 2: usage or I/O problem (including an existing record without --force).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCheckSheet } from '../lib/compliance/inspection-import.ts';
import { isValidDate, todayInChina } from '../lib/dates.ts';
import { parseYaml } from '../lib/load/yaml.ts';
import { checkSchema } from '../lib/load/schema-check.ts';
import { loadRegistry } from '../lib/registry.ts';
import { scanPersonalData } from '../lib/rules/personal-data.ts';
import { RULES, type RuleId } from '../lib/rules/table.ts';
import { InspectionSchema } from '../lib/schema/inspection.ts';
import { checkDate, parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const USAGE = `用法：npm run inspection:import -- 巡查表.csv [选项]

  把县政府信息中心的每周巡查表（Excel 另存为 CSV，UTF-8 或 GBK 均可）导入为
  data/inspections/<年份>/<巡查日期>.yaml。表中须有“账号”“最近更新日期”“问题”三列，
  可另加“平台”“备注”和“双向核验”（账号上仍标明备案编号填“是”，找不到填“否”，已改动填“已改动”，
  未核对留空）。“账号”填账号编号（如 jiaoyuju/wechat）、备案编号、账号链接，或平台上的账号名称、账号 ID
  （名称相同的账号须加“平台”一列区分）。

  --date YYYY-MM-DD    巡查日期（默认：文件名中的日期，没有则为今天）
  --data DIR           数据目录（默认 data）
  --inspector ID       巡查单位编号（默认：上一次巡查记录的巡查单位）
  --due-days N         新提出整改的期限为巡查后 N 天（默认：巡查周期天数）
  --no-rectifications  不自动提出整改
  --force              覆盖已有的同日巡查记录
  --dry-run            只检查，显示结果，不写文件
  --as-of YYYY-MM-DD   以哪一天为“今天”（默认：北京时间今天）
  -h, --help           显示本帮助

退出码：0 已导入；1 表中有错误，未写入任何文件；2 用法或读写问题（包括记录已存在而未加 --force）。`;

interface Options {
  file: string;
  data: string;
  date?: string;
  asOf: string;
  inspector?: string;
  dueDays?: number;
  rectifications: boolean;
  force: boolean;
  dryRun: boolean;
}

function parseOptions(argv: string[], io: Io): Options | 'help' {
  const { values, positionals } = parseFlags(
    argv,
    {
      date: { type: 'string' },
      data: { type: 'string' },
      inspector: { type: 'string' },
      'due-days': { type: 'string' },
      'no-rectifications': { type: 'boolean' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'as-of': { type: 'string' },
    },
    true,
  );
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? '请给出巡查表文件（.csv）' : `只能导入一个文件，而不是 ${positionals.length} 个`);
  const asOf = values['as-of'] ?? todayInChina();
  checkDate('--as-of', asOf);
  if (values.date !== undefined) checkDate('--date', values.date);
  let dueDays: number | undefined;
  if (values['due-days'] !== undefined) {
    dueDays = Number(values['due-days']);
    if (!/^\d{1,3}$/.test(values['due-days']) || dueDays < 1)
      throw new UsageError(`--due-days 须为 1 到 999 的整数，而不是 ${values['due-days']}`);
  }
  const data = resolveDataDir(io.cwd, values.data);
  return {
    file: path.resolve(io.cwd, positionals[0]!),
    data,
    date: values.date,
    asOf,
    inspector: values.inspector,
    dueDays,
    rectifications: !values['no-rectifications'],
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
  };
}

/** A date written in the sheet's file name (`巡查2026-11-30.csv`, `20261130.csv`). */
export function dateFromFileName(file: string): string | undefined {
  const name = path.basename(file);
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(name) ?? /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(name);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  return date && isValidDate(date) ? date : undefined;
}

/** `$schema` path of a record in `dir`: relative to the project's schemas/ when the data lives in the project. */
function schemaPath(dir: string, data: string): string {
  const inside = !path.relative(PROJECT_ROOT, data).startsWith('..');
  const rel = inside
    ? path.relative(dir, path.join(PROJECT_ROOT, 'schemas', 'inspection.schema.json'))
    : '../../../schemas/inspection.schema.json';
  return rel.split(path.sep).join('/');
}

/** Runs the import; returns the exit code. */
export async function runInspectionImport(argv: string[], io: Io): Promise<number> {
  const options = readOptions(() => parseOptions(argv, io), USAGE, 'inspection:import：', io);
  if (typeof options === 'number') return options;
  const usage = (message: string) => {
    io.stderr(`inspection:import：${message}\n`);
    return 2;
  };

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(options.file);
  } catch (error) {
    return usage(`无法读取 ${options.file}：${(error as Error).message}`);
  }
  const date = options.date ?? dateFromFileName(options.file) ?? options.asOf;
  if (date > options.asOf) return usage(`巡查日期 ${date} 晚于今天（${options.asOf}）`);

  const loaded = loadRegistry(options.data, { asOf: options.asOf });
  const registry = loaded.registry;
  if (!registry) return usage('数据目录缺少有效的 site.yaml、policy.yaml 或 platforms.yaml，请先运行 npm run validate');
  const otherErrors = loaded.problems.filter((p) => p.severity === 'error');
  if (otherErrors.length)
    io.stderr(`注意：数据目录已有 ${otherErrors.length} 个错误（与本次导入无关），请另行运行 npm run validate 改正。\n`);

  const inspector =
    options.inspector ?? registry.inspections.filter((i) => i.date < date).at(-1)?.inspector ?? registry.inspections.at(-1)?.inspector;
  if (!inspector) return usage('还没有巡查记录，无法确定巡查单位：请用 --inspector 给出巡查单位编号');
  if (!registry.unitById.has(inspector)) return usage(`巡查单位 ${inspector} 不存在（data/units/${inspector}/unit.yaml 没有找到）`);

  const dir = path.join(options.data, 'inspections', date.slice(0, 4));
  const target = path.join(dir, `${date}.yaml`);
  const display = path.relative(path.dirname(options.data), target).split(path.sep).join('/');
  const exists = existsSync(target);
  if (exists && !options.force && !options.dryRun)
    return usage(`${display} 已存在：不会覆盖已有的巡查记录。确认要替换时请加 --force（只检查巡查表请加 --dry-run）`);

  const result = importCheckSheet(registry, bytes, {
    date,
    inspector,
    dueDays: options.dueDays,
    rectifications: options.rectifications,
    source: path.basename(options.file).replace(/[\p{Cc}\p{Cf}]/gu, ''),
    schemaPath: schemaPath(dir, options.data),
  });
  const encodingName = { 'utf-8': 'UTF-8', gbk: 'GBK', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' }[result.encoding];
  if (!result.ok) {
    io.stderr(`${path.basename(options.file)}（${encodingName}）有 ${result.errors.length} 处错误，没有写入任何文件：\n`);
    for (const e of result.errors) io.stderr(`  第 ${e.row} 行：${e.message}\n`);
    return 1;
  }

  // The same per-file checks the loader runs, before anything touches the disk.
  const parsed = parseYaml(result.yaml, display);
  const problems = parsed.parsed
    ? [
        ...scanPersonalData(parsed.parsed.data, display, parsed.parsed.positions),
        ...checkSchema(InspectionSchema, parsed.parsed.data, display, parsed.parsed.positions).problems,
      ]
    : parsed.problems;
  if (problems.length) {
    io.stderr(
      `生成的巡查记录未通过校验，没有写入任何文件：\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`).join('\n')}\n`,
    );
    return 1;
  }

  const summary = `巡查账号 ${result.checks.length} 个，发现问题账号 ${result.checks.filter((c) => c.findings.length).length} 个，提出整改 ${result.rectifications.length} 项（巡查表编码 ${encodingName}）`;
  for (const note of result.notes) io.stdout(`  · ${note}\n`);
  if (options.dryRun) {
    const replaces = exists ? `；${display} 已存在，导入时${options.force ? '将替换它' : '须加 --force 才会替换它'}` : '';
    io.stdout(`检查通过（--dry-run，未写入）：${display}，${summary}${replaces}\n`);
    return 0;
  }

  const previous = existsSync(target) ? readFileSync(target) : undefined;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(target, result.yaml);
  } catch (error) {
    return usage(`无法写入 ${display}：${(error as Error).message}`);
  }
  const after = loadRegistry(options.data, { asOf: options.asOf }).problems.filter((p) => p.file === display);
  const newErrors = after.filter((p) => p.severity === 'error');
  if (newErrors.length) {
    if (previous) writeFileSync(target, previous);
    else rmSync(target);
    io.stderr(
      `导入的记录与名录中的其他数据冲突，已撤销写入：\n${newErrors.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`).join('\n')}\n`,
    );
    return 1;
  }
  io.stdout(`已写入 ${display}：${summary}\n`);
  if (after.length) {
    const byRule = new Map<string, number>();
    for (const p of after) byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
    io.stdout(
      `校验提示（不影响导入）：${[...byRule].map(([rule, n]) => `${RULES[rule as RuleId].title} ${n} 个`).join('，')}。运行 npm run validate 查看详情。\n`,
    );
  }
  io.stdout('请运行 npm run validate 检查全部数据，然后提交。\n');
  return 0;
}
