/**
 * `npm run validate -- [--data DIR] [--as-of YYYY-MM-DD] [--format text|json|github] [--changed BASE]`
 *
 * Exit 0: no errors (warnings allowed). Exit 1: at least one error. Exit 2: usage or I/O problem.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import * as core from '@actions/core';
import { overflowMessage, planAnnotations, validationSummary } from '../lib/ci-output.ts';
import { todayInChina } from '../lib/dates.ts';
import { countProblems, problem, type Problem } from '../lib/problems.ts';
import { loadRegistry, type Stats } from '../lib/registry.ts';
import { RULES } from '../lib/rules/table.ts';
import { checkDate, type CommandIo, parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';

export type Io = CommandIo;

export const USAGE = `用法：npm run validate -- [选项]

  --data DIR          数据目录（默认 data）
  --as-of YYYY-MM-DD  以哪一天为“今天”检查期限和日期（默认：北京时间今天）
  --format FORMAT     输出格式：text（默认）、json、github（在 GitHub Actions 中默认）
  --changed BASE      只报告相对 git 提交 BASE 有改动的文件中的问题（仍读取全部数据）
  --errors-only       只显示错误，不显示警告
  -h, --help          显示本帮助

退出码：0 没有错误（可以有警告）；1 有错误；2 用法或读取问题。`;

interface Options {
  data: string;
  asOf: string;
  format: 'text' | 'json' | 'github';
  changed?: string;
  errorsOnly: boolean;
}

function parseOptions(argv: string[], io: Io): Options | 'help' {
  const { values } = parseFlags(argv, {
    data: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    changed: { type: 'string' },
    'errors-only': { type: 'boolean' },
  });
  if (values.help) return 'help';
  const format = values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'github')
    throw new UsageError(`--format 只能是 text、json 或 github，而不是 ${format}`);
  const asOf = values['as-of'] ?? todayInChina();
  checkDate('--as-of', asOf);
  const data = resolveDataDir(io.cwd, values.data);
  return { data, asOf, format, changed: values.changed, errorsOnly: values['errors-only'] ?? false };
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Absolute paths of files changed since the merge base of BASE and HEAD (committed, staged, unstaged or untracked). */
export function changedFiles(base: string, cwd: string): Set<string> {
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new Error(`--changed 需要在 git 仓库中运行（${cwd} 不在 git 仓库中）`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], root);
  } catch {
    throw new Error(`--changed：找不到 git 提交 ${base}（在 CI 中需要先 git fetch 基准分支）`);
  }
  let from = base;
  try {
    from = git(['merge-base', base, 'HEAD'], root).trim();
  } catch {
    // No common ancestor: compare with BASE itself.
  }
  const names = [
    ...git(['diff', '--name-only', '-z', '--no-renames', from], root).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '-z'], root).split('\0'),
  ].filter(Boolean);
  return new Set(names.map((n) => path.resolve(root, n)));
}

/** Counts of the problems shown, and of the warnings `--errors-only` hid. */
interface Shown {
  errors: number;
  warnings: number;
  hiddenWarnings?: number;
}

function summaryLine(stats: Stats, asOf: string, shown: Shown): string {
  const counts = shown.hiddenWarnings
    ? `${shown.errors} 个错误（另有 ${shown.hiddenWarnings} 个警告未显示：使用了 --errors-only）`
    : `${shown.errors} 个错误，${shown.warnings} 个警告`;
  const scope = `检查了 ${stats.units} 个单位、${stats.accounts} 个账号、${stats.inspections} 次巡查、${stats.impostors} 个仿冒账号（截至 ${asOf}）`;
  return `${shown.errors > 0 ? '✖' : '✔'} ${counts} · ${scope}`;
}

/** The text report of `npm run validate`; the site build stops with the same text (src/integration/index.ts). */
export function formatText(problems: Problem[], stats: Stats, asOf: string, io: Pick<Io, 'isTTY' | 'env'>, hiddenWarnings = 0): string {
  const color = (format: Parameters<typeof styleText>[0], text: string) =>
    io.isTTY && !io.env.NO_COLOR ? styleText(format, text, { validateStream: false }) : text;
  const lines: string[] = [];
  let file = '';
  for (const p of problems) {
    if (p.file !== file) {
      if (file) lines.push('');
      file = p.file;
      lines.push(color('bold', p.file));
    }
    const label = p.severity === 'error' ? color('red', '错误') : color('yellow', '警告');
    lines.push(`  ${p.file}:${p.line}:${p.column}  ${label}  ${p.message}  ${color('dim', `[${p.rule}]`)}`);
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(stats, asOf, { ...countProblems(problems), hiddenWarnings }));
  return `${lines.join('\n')}\n`;
}

function reportGithub(problems: Problem[], stats: Stats, asOf: string, base: string, io: Io, hiddenWarnings: number): void {
  const { errors, warnings } = countProblems(problems);
  // GitHub shows at most 10 annotations of a kind per step: the first place says how many there are.
  const plan = planAnnotations(problems);
  if (plan.rest.errors > 0) core.error(overflowMessage('error', plan.rest.errors, errors), { title: '数据校验' });
  if (plan.rest.warnings > 0) core.warning(overflowMessage('warning', plan.rest.warnings, warnings), { title: '数据校验' });
  for (const p of plan.shown) {
    const file = path.relative(io.cwd, path.resolve(base, p.file)).split(path.sep).join('/');
    const properties = { file, startLine: p.line, startColumn: p.column, title: `${RULES[p.rule].title} [${p.rule}]` };
    if (p.severity === 'error') core.error(p.message, properties);
    else core.warning(p.message, properties);
  }
  const headline = summaryLine(stats, asOf, { errors, warnings, hiddenWarnings });
  io.stdout(`${headline}\n`);
  if (!io.env.GITHUB_STEP_SUMMARY) return;
  // Our own escaping and size cap, not core.summary.addTable (which puts cells into HTML as they are).
  appendFileSync(io.env.GITHUB_STEP_SUMMARY, validationSummary(problems, headline));
}

/** Who holds the value a duplicate problem was reported on: an account id or an impostor record. */
function holderOf(file: string): { label: string; impostor: boolean } {
  const account = /units\/([^/]+)\/accounts\/([^/]+)\.yaml$/.exec(file);
  if (account) return { label: `账号 ${account[1]}/${account[2]}`, impostor: false };
  const impostor = /impostors\/([^/]+)\.yaml$/.exec(file);
  return impostor ? { label: `仿冒账号记录 ${impostor[1]}`, impostor: true } : { label: file, impostor: false };
}

/**
 * A duplicate is reported on the later of its two files, which can be the unchanged original
 * (an account filed years ago, a reported impostor). With `--changed` the pull request's own
 * file is the one to fix: the problem is turned around onto it, and never tells the owner of
 * the original to delete theirs.
 */
function mirrorDuplicate(p: Problem): Problem {
  const { what, value, otherFile, otherLine, otherColumn } = p.params as {
    what: string;
    value: string;
    otherFile: string;
    otherLine: number;
    otherColumn?: number;
  };
  const holder = holderOf(p.file);
  const at = { file: otherFile, line: otherLine, column: otherColumn ?? 1 };
  const params = { what, value, owner: holder.label, ownerFile: p.file, ownerLine: p.line };
  return problem(
    holder.impostor && !holderOf(otherFile).impostor ? 'duplicate-identifier.reported-impostor' : 'duplicate-identifier.taken',
    at,
    params,
  );
}

/** Runs the validator; returns the exit code. */
export async function runValidate(argv: string[], io: Io): Promise<number> {
  const options = readOptions(() => parseOptions(argv, io), USAGE, '错误：', io);
  if (typeof options === 'number') return options;

  let changed: Set<string> | undefined;
  if (options.changed !== undefined) {
    try {
      changed = changedFiles(options.changed, options.data);
    } catch (error) {
      io.stderr(`错误：${(error as Error).message}\n`);
      return 2;
    }
  }

  const result = loadRegistry(options.data, { asOf: options.asOf });
  const base = path.dirname(options.data);
  let problems = result.problems;
  // A duplicate identifier is reported on the later of its two files (accounts before impostors,
  // by path): a change that copies an unchanged account's or a reported impostor's handle can be
  // the earlier one, so a problem whose other file changed is the change's problem too.
  // A problem on a folder (a unit folder named with a mobile number) belongs to the change when a file in it changed.
  const inChanged = (file: unknown) => {
    if (typeof file !== 'string') return false;
    const abs = path.resolve(base, file);
    if (changed!.has(abs)) return true;
    return path.extname(abs) === '' && [...changed!].some((c) => c.startsWith(`${abs}${path.sep}`));
  };
  if (changed) problems = problems.flatMap((p) => (inChanged(p.file) ? [p] : inChanged(p.params.otherFile) ? [mirrorDuplicate(p)] : []));
  let hiddenWarnings = 0;
  if (options.errorsOnly) {
    hiddenWarnings = countProblems(problems).warnings;
    problems = problems.filter((p) => p.severity === 'error');
  }
  const hasErrors = problems.some((p) => p.severity === 'error');

  switch (options.format) {
    case 'json':
      io.stdout(
        `${JSON.stringify({
          ok: !hasErrors,
          problems: problems.map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message })),
          stats: { ...result.stats, ...countProblems(problems), ...(options.errorsOnly ? { hiddenWarnings } : {}), asOf: options.asOf },
        })}\n`,
      );
      break;
    case 'github':
      reportGithub(problems, result.stats, options.asOf, base, io, hiddenWarnings);
      break;
    default:
      io.stdout(formatText(problems, result.stats, options.asOf, io, hiddenWarnings));
  }
  return hasErrors ? 1 : 0;
}
