/**
 * `npm run fmt:data -- [--data DIR] [--check] [--format text|github] [FILE…]`: rewrites data
 * files in the canonical layout (src/lib/format/canonical.ts), keeping every comment.
 *
 * `--check` writes nothing: it prints a unified diff of every file that is not canonical and
 * exits 1 (CI). Exit 0: nothing to change (or everything written). Exit 2: usage problem.
 * Files the validator rejects (syntax errors, wrong encoding…) are skipped with the reason.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { normalizeNewlines } from '../lib/format/canonical.ts';
import { formatDataDir } from '../lib/format/data-files.ts';
import { firstChangedLine, unifiedDiff } from '../lib/format/diff.ts';
import type { Io } from './validate.ts';
import { parseFlags, readOptions, resolveDataDir, UsageError } from './usage.ts';

export const USAGE = `用法：npm run fmt:data -- [选项] [文件…]

把数据文件整理为统一格式（字段顺序、引号、缩进、每条备案事项一行），保留全部注释，不改变任何值。

  --data DIR          数据目录（默认 data）
  --check             只检查不修改：打印需要整理的文件的差异，有则退出码为 1（CI 使用）
  --format FORMAT     text（默认）或 github（在 GitHub Actions 中默认：在文件的行上标注）
  -h, --help          显示本帮助
  文件…               只处理这些文件（默认处理数据目录中的全部文件）

退出码：0 已是统一格式（或已整理完毕）；1 --check 发现需要整理的文件；2 用法问题。`;

interface Options {
  data: string;
  check: boolean;
  format: 'text' | 'github';
  files: string[];
}

function parseOptions(argv: string[], io: Io): Options | 'help' {
  const { values, positionals } = parseFlags(
    argv,
    { data: { type: 'string' }, check: { type: 'boolean' }, format: { type: 'string' } },
    true,
  );
  if (values.help) return 'help';
  const format = values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
  if (format !== 'text' && format !== 'github') throw new UsageError(`--format 只能是 text 或 github，而不是 ${format}`);
  const data = resolveDataDir(io.cwd, values.data);
  const files = positionals.map((f) => path.resolve(io.cwd, f));
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`文件不存在：${f}`);
    if (path.relative(data, f).startsWith('..')) throw new UsageError(`${f} 不在数据目录 ${data} 中`);
  }
  return { data, check: values.check ?? false, format, files };
}

/** Runs the formatter; returns the exit code. */
export function runFmtData(argv: string[], io: Io): number {
  const options = readOptions(() => parseOptions(argv, io), USAGE, '错误：', io);
  if (typeof options === 'number') return options;

  const results = formatDataDir(options.data, options.files.length ? new Set(options.files) : undefined);
  const base = path.dirname(options.data);
  const repoPath = (file: string) => path.relative(io.cwd, path.resolve(base, file)).split(path.sep).join('/');
  const changed = results.filter((r) => r.after !== undefined && r.after !== r.before);
  const skipped = results.filter((r) => r.skipped);

  for (const r of skipped) {
    io.stderr(`跳过 ${r.file}:${r.skipped!.line}：${r.skipped!.reason}（请先按 npm run validate 的提示修正）\n`);
  }

  if (options.check) {
    for (const r of changed) {
      // Line ends and a BOM are invisible in a diff: say so instead of showing every line as changed.
      const visible = normalizeNewlines(r.before);
      const invisible = visible !== r.before ? '（此文件使用 Windows 换行符 CRLF 或带有 BOM，整理后改为 UTF-8 无 BOM、LF 换行）' : '';
      if (visible === r.after) io.stdout(`--- a/${r.file}\n+++ b/${r.file}\n${invisible}\n`);
      else io.stdout(`${unifiedDiff(visible, r.after!, `a/${r.file}`, `b/${r.file}`)}${invisible ? `${invisible}\n` : ''}`);
      if (options.format === 'github') {
        core.error('此文件不是统一格式：运行 npm run fmt:data 后提交改动（差异见本步骤的日志）。', {
          file: repoPath(r.file),
          startLine: firstChangedLine(normalizeNewlines(r.before), r.after!) || 1,
          title: '数据格式不统一',
        });
      }
    }
    if (changed.length > 0) {
      io.stderr(`\n✖ ${changed.length} 个文件不是统一格式：运行 npm run fmt:data 整理后提交（只调整格式，不改变任何值）。\n`);
      return 1;
    }
    io.stdout(
      `✔ ${results.length - skipped.length} 个数据文件都是统一格式${skipped.length ? `（跳过 ${skipped.length} 个有错误的文件）` : ''}。\n`,
    );
    return 0;
  }

  for (const r of changed) {
    writeFileSync(r.abs, r.after!);
    io.stdout(`已整理 ${r.file}\n`);
  }
  io.stdout(
    changed.length > 0
      ? `✔ 整理了 ${changed.length} 个文件（共 ${results.length} 个）。\n`
      : `✔ ${results.length - skipped.length} 个数据文件都已是统一格式。\n`,
  );
  return 0;
}
