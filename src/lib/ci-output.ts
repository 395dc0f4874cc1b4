/**
 * Output for GitHub: the job summary (`$GITHUB_STEP_SUMMARY`), annotations and `pr-summary`.
 * Everything quoted there comes from filings a stranger can write, and GitHub renders it as
 * Markdown and HTML to the reviewer who decides on the merge: a name must not plant a heading,
 * a link, an image, a table row, an HTML element or a fake "数据校验通过". So every piece of data
 * goes through one of the escapers here, and the output stays inside GitHub's limits (1 MiB per
 * step summary, 10 annotations of a kind per step).
 */
import { labelInvisible } from './code-points.ts';
import type { Problem } from './problems.ts';

/** GitHub refuses a step summary over 1 MiB (and then shows none of it). */
export const GITHUB_SUMMARY_LIMIT = 1024 * 1024;
/** What one command writes at most: room under the limit for another step's few lines. */
const SUMMARY_BUDGET = 1000 * 1024;
/** GitHub shows at most this many annotations of one kind (error, warning) per step. */
export const ANNOTATIONS_PER_KIND = 10;

/** Every ASCII punctuation character: CommonMark lets a backslash escape each one, and the text reads the same. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Invisible, control and bidi characters shown as `[U+202E]`, line breaks and tabs as one space. */
function visible(text: string): string {
  return labelInvisible(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));
}

/**
 * Text from the data for inline Markdown, also in a table cell: one line, every ASCII punctuation
 * character backslash-escaped — no heading, list, quote, emphasis, code, link, image, autolink
 * (`https\:`, `www\.`), HTML, entity or cell border can start, and the text reads the same.
 */
export function escapeMarkdown(text: string): string {
  return visible(text).replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** An identifier (account id, file path) as inline code when that is safe, else as escaped text. */
export function markdownCode(text: string): string {
  return /^[\w./@:+-]+$/.test(text) ? `\`${text}\`` : escapeMarkdown(text);
}

/** Text from the data inside HTML (the summary's table cells): entities for `& < > " '`, one line. */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Bytes of a text in UTF-8. */
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The note that replaces what did not fit. */
export function cutNote(what: string): string {
  return `\n\n> ⚠️ 摘要超过 GitHub 作业摘要 1 MiB 的上限，${what}未列出。完整内容请看本步骤的日志，或在本地运行同一命令。\n`;
}

/**
 * Markdown cut at a line boundary to fit `budget` bytes, with a note of how many lines were cut.
 * Unchanged when it fits.
 */
export function capMarkdown(markdown: string, budget = SUMMARY_BUDGET): string {
  if (bytes(markdown) <= budget) return markdown;
  const lines = markdown.split('\n');
  const room = budget - bytes(cutNote(`后面的 ${lines.length} 行`)) - 16;
  let used = 0;
  let kept = 0;
  while (kept < lines.length && used + bytes(lines[kept]!) + 1 <= room) used += bytes(lines[kept++]!) + 1;
  return `${lines.slice(0, kept).join('\n')}${cutNote(`后面的 ${lines.length - kept} 行`)}`;
}

/** The items of one kind that get an annotation of their own: all when they fit, else the first 9 (the 10th place counts the rest). */
export function annotated<T>(list: readonly T[]): readonly T[] {
  return list.length > ANNOTATIONS_PER_KIND ? list.slice(0, ANNOTATIONS_PER_KIND - 1) : list;
}

/** Problems that get an annotation, and how many of each kind do not. */
export interface AnnotationPlan {
  /** In the order given, at most ANNOTATIONS_PER_KIND of a kind counting the overflow line. */
  shown: Problem[];
  /** Errors and warnings without an annotation of their own. */
  rest: { errors: number; warnings: number };
}

/**
 * Which problems get an annotation. GitHub shows 10 of a kind per step and drops the rest
 * silently; when there are more, 9 are annotated and the 10th place goes to a line that counts
 * the rest (see `overflowMessage`), so the reviewer knows the list is not complete.
 */
export function planAnnotations(problems: readonly Problem[]): AnnotationPlan {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const shownErrors = annotated(errors);
  const shownWarnings = annotated(warnings);
  const shown = new Set([...shownErrors, ...shownWarnings]);
  return {
    shown: problems.filter((p) => shown.has(p)),
    rest: { errors: errors.length - shownErrors.length, warnings: warnings.length - shownWarnings.length },
  };
}

/** The annotation that counts the problems of a kind without their own annotation. */
export function overflowMessage(kind: 'error' | 'warning', rest: number, total: number): string {
  const word = kind === 'error' ? '错误' : '警告';
  return `共 ${total} 个${word}，另有 ${rest} 个${word}未标注在行上（GitHub 每步最多显示 ${ANNOTATIONS_PER_KIND} 条）：完整列表见本次运行的 Summary（作业摘要）。`;
}

/** One row of the validator's summary table. */
function problemRow(p: Problem): string {
  const cells = [p.file, String(p.line), p.severity === 'error' ? '错误' : '警告', p.rule, p.message];
  return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
}

/**
 * The validator's job summary: a heading that only our own verdict sets, the counts line, and a
 * table of the problems with every cell HTML-escaped, cut to the budget with a note of how many
 * problems it leaves out.
 */
export function validationSummary(problems: readonly Problem[], headline: string, budget = SUMMARY_BUDGET): string {
  const errors = problems.some((p) => p.severity === 'error');
  const head = `## ${errors ? '数据校验未通过' : '数据校验通过'}\n\n${escapeMarkdown(headline)}\n`;
  if (problems.length === 0) return head;
  const open = '\n<table><tr><th>文件</th><th>行</th><th>级别</th><th>规则</th><th>说明</th></tr>';
  const close = '</table>\n';
  const reserve = bytes(cutNote(`其余 ${problems.length} 个问题`)) + bytes(close) + 16;
  let out = head + open;
  let used = bytes(out);
  let listed = 0;
  for (const p of problems) {
    const row = problemRow(p);
    const size = bytes(row);
    if (used + size + reserve > budget) break;
    out += row;
    used += size;
    listed++;
  }
  out += close;
  if (listed < problems.length) out += cutNote(`其余 ${problems.length - listed} 个问题`);
  return out;
}
