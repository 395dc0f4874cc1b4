/**
 * `npm run new -- <account|unit|event|impostor> [flags]`: the filing scaffolder.
 *
 * In a terminal it asks in Chinese (@clack/prompts), checking every answer with the validator's
 * own rules; flags answer questions in advance, and without a terminal (or with `--no-input`)
 * the flags are the only answers — the same checks, for scripts. It writes one canonical,
 * commented YAML file (never overwriting one), or appends an event to an account's file
 * (keeping its comments), then validates the registry and prints what the new file caused.
 *
 * Exit 0: written (warnings allowed). Exit 1: an answer is invalid or the written file has an
 * error. Exit 2: usage problem (unknown command or flag, missing answers). 130: cancelled.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { findSchemaDir, formatDocument, schemaRefAt } from '../lib/format/canonical.ts';
import { todayInChina } from '../lib/dates.ts';
import type { Problem } from '../lib/problems.ts';
import { loadRegistry } from '../lib/registry.ts';
import { runCodeowners } from './codeowners.ts';
import { numberAccounts } from './number.ts';
import { accountCommand } from './new/account.ts';
import { IdentifierIndex } from './new/checks.ts';
import type { Command, CommandEnv } from './new/common.ts';
import { eventCommand } from './new/event.ts';
import { messageOf, runForm, type Flags, type Question } from './new/form.ts';
import { impostorCommand } from './new/impostor.ts';
import { CancelledError, clackPrompter, type Prompter } from './new/prompter.ts';
import { unitCommand } from './new/unit.ts';
import type { Io } from './validate.ts';
import { checkDate, parseFlags, resolveDataDir, UsageError } from './usage.ts';

/** The process's streams, and whether to ask questions. */
export interface NewIo extends Io {
  input: Readable;
  output: Writable;
  /** Ask questions (stdin is a terminal); false for scripts. */
  interactive: boolean;
}

export const COMMANDS: readonly Command[] = [accountCommand, eventCommand, unitCommand, impostorCommand];

const COMMON_OPTIONS = {
  data: { type: 'string' },
  'as-of': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'no-input': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** Flags that may be repeated (each adds an item to a list). */
const LIST_FLAGS = new Set(['identifier', 'alias', 'maintainer']);

export const USAGE = `用法：npm run new -- <命令> [选项]

  account    备案新开设的账号（新建账号文件）
  event      备案账号的变更、关停、恢复或注销（在账号文件末尾追加一项）
  unit       添加单位（新建单位文件夹和 unit.yaml）
  impostor   登记仿冒账号（新建 impostors/ 记录）

在终端中运行时逐项提问（中文），每个回答都按校验规则检查；也可以用选项预先回答，
没有终端或加 --no-input 时只用选项（脚本使用）。查看某个命令的选项：npm run new -- account --help

通用选项：
  --data DIR          数据目录（默认 data）
  --as-of YYYY-MM-DD  以哪一天为“今天”（默认：北京时间今天）
  --dry-run           只显示将要写入的内容，不写文件
  --no-input          不提问，只用选项
  -y, --yes           写入前不再确认
  -h, --help          显示帮助

示例：
  npm run new -- account --unit jiaoyuju --platform weibo --name 东乡教育 --handle "5123456789" \\
    --url https://weibo.com/u/5123456789 --purpose 发布教育政策 --date 2026-11-20 --filed 2026-11-24
  npm run new -- event --account jiaoyuju/weibo --type deregistered --date 2026-11-20 \\
    --notice-url https://mp.weixin.qq.com/s/xxxx --successor jiaoyuju/wechat

退出码：0 已写入；1 回答不符合规则或写入的文件有错误；2 用法问题；130 已取消。`;

function commandUsage(command: Command, questions: readonly Question[]): string {
  const seen = new Set<string>();
  const lines = questions
    .filter((q) => !seen.has(q.flag) && seen.add(q.flag))
    .map(
      (q) =>
        `  --${q.flag.padEnd(16)} ${q.help ?? messageOf(q, {})}${q.optional ? '（可省略）' : ''}${LIST_FLAGS.has(q.flag) ? '（可重复）' : ''}`,
    );
  return `用法：npm run new -- ${command.name} [选项]    ${command.title}\n\n${lines.join('\n')}\n\n通用选项见 npm run new -- --help。`;
}

/** The problems of `after` that were not in `before` (compared without line numbers). */
function newProblems(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const key = (p: Problem) => `${p.file}\n${p.rule}\n${p.message}`;
  const old = new Set(before.map(key));
  return after.filter((p) => !old.has(key(p)));
}

/** Runs the scaffolder; returns the exit code. */
export async function runNew(argv: string[], io: NewIo): Promise<number> {
  const out = (text: string) => io.stdout(`${text}\n`);
  const err = (text: string) => io.stderr(`${text}\n`);
  try {
    return await run(argv, io, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`错误：${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CancelledError) {
      err('已取消，没有写入任何文件。');
      return 130;
    }
    throw error;
  }
}

async function run(argv: string[], io: NewIo, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  // First pass: the command and the common options (the questions need the registry).
  const first = parseArgs({ args: argv, options: COMMON_OPTIONS, strict: false, allowPositionals: true });
  const interactive = io.interactive && first.values['no-input'] !== true;
  let name = first.positionals[0];
  if (!name && first.values.help) {
    out(USAGE);
    return 0;
  }
  const prompter: Prompter | null = interactive ? clackPrompter(io.input, io.output) : null;
  if (!name) {
    if (!prompter) throw new UsageError('没有指定命令');
    const choice = await prompter.ask(
      {
        key: 'command',
        flag: 'command',
        type: 'select',
        message: '要做什么？',
        choices: () => COMMANDS.map((c) => ({ value: c.name, label: c.title, hint: c.name })),
      },
      {},
    );
    name = String(choice);
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`不认识的命令 ${name}：可用 ${COMMANDS.map((c) => c.name).join('、')}`);

  const dataDir = resolveDataDir(io.cwd, typeof first.values.data === 'string' ? first.values.data : undefined);
  const asOf = typeof first.values['as-of'] === 'string' ? first.values['as-of'] : todayInChina();
  checkDate('--as-of', asOf);

  const loaded = loadRegistry(dataDir, { asOf });
  if (!loaded.registry) {
    err('错误：data/site.yaml、policy.yaml 或 platforms.yaml 有错误，无法生成备案文件。请先运行 npm run validate 并修正。');
    return 2;
  }
  const env: CommandEnv = { registry: loaded.registry, index: new IdentifierIndex(loaded.registry), dataDir, asOf };
  const questions = command.questions(env);

  // Second pass: every flag of the command, strictly.
  const options: ParseArgsOptionsConfig = { ...COMMON_OPTIONS };
  for (const q of questions) options[q.flag] = { type: 'string', ...(LIST_FLAGS.has(q.flag) ? { multiple: true } : {}) };
  let parsed;
  try {
    parsed = parseFlags(argv, options, true);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${commandUsage(command, questions)}`);
  }
  if (parsed.values.help) {
    out(commandUsage(command, questions));
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError(`多余的参数：${parsed.positionals.slice(1).join(' ')}`);

  prompter?.intro(`政务新媒体名录 · ${command.title}`);
  if (!loaded.ok) prompter?.warn(`现有数据中有 ${loaded.stats.errors} 个错误（npm run validate 可查看）；下面只检查本次填写的内容。`);
  const form = await runForm(questions, parsed.values as Flags, prompter);
  if (form.errors.length || form.missing.length) {
    for (const e of form.errors) err(`错误：${e}`);
    if (form.missing.length) {
      err(
        `缺少以下选项（没有终端时不能提问）：\n${form.missing.map((q) => `  --${q.flag.padEnd(16)} ${messageOf(q, form.answers)}`).join('\n')}`,
      );
    }
    return form.errors.length ? 1 : 2;
  }

  const output = command.build(form.answers, env);
  if ('error' in output) {
    err(`错误：${output.error}`);
    return 1;
  }
  const abs = path.join(dataDir, ...output.rel.split('/'));
  const display = path.relative(io.cwd, abs).split(path.sep).join('/');
  const text = formatDocument(output.doc, output.kind, schemaRefAt(abs, output.kind, findSchemaDir(dataDir)), output.source);

  if (parsed.values['dry-run']) {
    io.stdout(text);
    return 0;
  }
  if (prompter && !parsed.values.yes) {
    prompter.note(text.trimEnd(), display);
    if (!(await prompter.confirm(output.source === undefined ? `写入 ${display}？` : `更新 ${display}？`, true))) {
      prompter.outro('没有写入任何文件。');
      return 0;
    }
  }
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text, output.source === undefined ? { flag: 'wx' } : {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      err(`错误：${display} 已存在，不会覆盖已有文件。`);
      return 1;
    }
    throw error;
  }

  const say = (kind: 'info' | 'warn', t: string) => (prompter ? prompter[kind](t) : kind === 'warn' ? err(`注意：${t}`) : out(t));
  say('info', `${output.source === undefined ? '已写入' : '已更新'} ${display}\n${output.summary}`);
  for (const w of output.warnings) say('warn', w);

  if (command === accountCommand) {
    // A new account gets its filing number at once (npm run number), written into the file and the ledger.
    const id = output.rel
      .replace(/^units\//, '')
      .replace('/accounts/', '/')
      .replace(/\.yaml$/, '');
    const { assigned } = numberAccounts(dataDir, { only: [id] });
    for (const a of assigned)
      say(
        'info',
        `备案编号 ${a.number} 已写入 ${display} 和 ${path.relative(io.cwd, path.join(dataDir, 'filing-numbers.yaml')).split(path.sep).join('/')}，请一并提交。`,
      );
  }

  if (command === unitCommand) {
    const codeowners = path.join(path.dirname(dataDir), '.github', 'CODEOWNERS');
    if (existsSync(codeowners)) {
      const quiet = { ...io, stdout: () => {}, stderr: () => {} };
      if (runCodeowners(['--data', dataDir, '--out', codeowners], quiet) === 0)
        say('info', `已按新单位的维护人更新 ${path.relative(io.cwd, codeowners).split(path.sep).join('/')}，请一并提交。`);
    }
  }

  // What the new file caused: its own problems, and errors it made elsewhere (a duplicate is
  // reported on whichever file comes second). Warnings elsewhere (the new account is not in the
  // last inspection yet) are not the clerk's to fix.
  const after = loadRegistry(dataDir, { asOf });
  const file = path.relative(path.dirname(dataDir), abs).split(path.sep).join('/');
  const added = newProblems(loaded.problems, after.problems).filter((p) => p.file === file || p.severity === 'error');
  const errors = added.filter((p) => p.severity === 'error');
  for (const p of added)
    say(
      p.severity === 'error' ? 'warn' : 'info',
      `${p.severity === 'error' ? '错误' : '警告'}  ${p.file}:${p.line}:${p.column}  ${p.message}  [${p.rule}]`,
    );
  const done = errors.length
    ? `校验发现 ${errors.length} 个错误：请按提示修改 ${display} 后再提交。`
    : `校验通过${added.length ? `（${added.length} 个警告，不影响提交）` : ''}。下一步：提交这个文件并发起 Pull Request${
        command === accountCommand || command === eventCommand ? '，在说明中附上加盖公章的备案登记表' : ''
      }。`;
  if (prompter) prompter.outro(done);
  else (errors.length ? err : out)(done);
  return errors.length ? 1 : 0;
}
