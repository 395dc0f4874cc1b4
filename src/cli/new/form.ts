/**
 * The scaffolder's questions, answered the same way from flags (scripts, CI) and from prompts
 * (a clerk at a terminal). A question knows its flag, its Chinese prompt, how to read an answer
 * and how to check it; the runner asks only what the flags did not answer (validly).
 */
import type { Prompter } from './prompter.ts';

/** An answer: text, a list of texts, yes/no, or null (left empty). */
export type Value = string | string[] | boolean | null;
export type Answers = Record<string, Value | undefined>;

/** One option of a choice. */
export interface Choice {
  value: string;
  label: string;
  hint?: string;
  /** Other texts a search or a typed answer may name it by (a unit's short name and aliases). */
  search?: readonly string[];
  /** Nesting depth (a unit's number of parents): among equal matches the shallower comes first. */
  depth?: number;
}

/** One question of a form. */
export interface Question {
  /** Key of the answer. */
  key: string;
  /** Flag without `--` (`unit`, `verified-as`). */
  flag: string;
  /** Prompt shown to the clerk. */
  message: string | ((a: Answers) => string);
  /** Free text, a choice from a short list, a choice from a long searchable list, or yes/no. */
  type: 'text' | 'select' | 'autocomplete' | 'confirm';
  /** A list of texts, separated by commas, `、` or spaces. */
  multiple?: boolean;
  /** May be left empty (answer null, or [] for a list). */
  optional?: boolean;
  choices?: (a: Answers) => Choice[];
  /** Default answer (as typed): used without asking when scripted, offered when prompting. */
  initial?: (a: Answers) => string | undefined;
  /** Answer offered when prompting only (scripts must give the flag). */
  suggest?: (a: Answers) => string | undefined;
  /**
   * false: the prompt starts empty even when `initial` gives scripts a default (dates: a clerk
   * pressing Enter must not file "today" unread; the example shows greyed instead).
   */
  prefill?: boolean;
  /** Flag help for `--help` (defaults to the message). */
  help?: string;
  /** Example shown greyed out in an empty prompt. */
  placeholder?: (a: Answers) => string | undefined;
  /** Asked only when this says so. */
  when?: (a: Answers) => boolean;
  /** Checks an answer: a Chinese explanation of what is wrong, or undefined. */
  check?: (value: Value, a: Answers) => string | undefined;
  /** Shown before the prompt (explains what is asked and why). */
  note?: (a: Answers) => string | undefined;
}

/** Text clerks type for "nothing". */
const EMPTY = new Set(['', 'null', '无', '没有', '-']);
const YES = new Set(['y', 'yes', 'true', '是', '1']);
const NO = new Set(['n', 'no', 'false', '否', '0']);

/** Reads a typed answer into a value, or says why it cannot be one. */
export function interpret(q: Question, raw: string | boolean, a: Answers): { value?: Value; error?: string } {
  let value: Value;
  if (q.type === 'confirm') {
    if (typeof raw === 'boolean') value = raw;
    else if (YES.has(raw.trim().toLowerCase())) value = true;
    else if (NO.has(raw.trim().toLowerCase())) value = false;
    else return { error: '请回答 是（yes）或 否（no）' };
  } else {
    const text = String(raw).trim();
    if (q.multiple) value = text.split(/[,，、\s]+/u).filter((t) => t && !EMPTY.has(t));
    else if (EMPTY.has(text)) {
      if (!q.optional) return { error: '不能为空' };
      value = null;
    } else value = text;
    if (q.multiple && (value as string[]).length === 0 && !q.optional) return { error: '至少填写一项' };
    if ((q.type === 'select' || q.type === 'autocomplete') && typeof value === 'string') {
      const choices = q.choices?.(a) ?? [];
      const found =
        choices.find((c) => c.value === value) ??
        choices.find((c) => c.label === value) ??
        choices.find((c) => c.search?.includes(value as string));
      if (!found) {
        const list = choices.length <= 12 ? `：${choices.map((c) => `${c.value}（${c.label}）`).join('、')}` : '';
        return { error: `「${value}」不是可选项${list}` };
      }
      value = found.value;
    }
  }
  const error = q.check?.(value, a);
  return error ? { error } : { value };
}

/** The prompt text of a question. */
export function messageOf(q: Question, a: Answers): string {
  return typeof q.message === 'function' ? q.message(a) : q.message;
}

/** Flags as parsed: text (or several texts for a repeated flag), or true for a bare flag. */
export type Flags = Record<string, string | string[] | boolean | undefined>;

/** The answers collected, and what was missing or wrong (scripted use only). */
export interface FormResult {
  answers: Answers;
  /** Required flags that were not given. */
  missing: Question[];
  /** `--flag：explanation` for each invalid flag. */
  errors: string[];
}

function display(value: Value): string {
  if (value === null) return '（空）';
  if (Array.isArray(value)) return value.length ? value.join('、') : '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}

/**
 * Answers the questions in order: from flags first; then, with a prompter, by asking; without
 * one, from defaults. `answers` may hold answers given earlier.
 */
export async function runForm(
  questions: readonly Question[],
  flags: Flags,
  prompter: Prompter | null,
  answers: Answers = {},
): Promise<FormResult> {
  const missing: Question[] = [];
  const errors: string[] = [];
  for (const q of questions) {
    if (q.when && !q.when(answers)) continue;
    const given = flags[q.flag];
    if (given !== undefined) {
      const raw = Array.isArray(given) ? given.join(',') : given;
      const { value, error } = interpret(q, raw, answers);
      if (!error) {
        answers[q.key] = value;
        prompter?.info(`${messageOf(q, answers)}：${display(value!)}（--${q.flag}）`);
        continue;
      }
      if (!prompter) {
        errors.push(`--${q.flag}：${error}`);
        continue;
      }
      prompter.warn(`--${q.flag} ${String(raw)}：${error}`);
    } else if (!prompter) {
      const initial = q.initial?.(answers);
      if (initial !== undefined) {
        const { value, error } = interpret(q, initial, answers);
        if (error) errors.push(`--${q.flag}（默认值 ${initial}）：${error}`);
        else answers[q.key] = value;
      } else if (q.optional) {
        const value = q.multiple ? [] : q.type === 'confirm' ? false : null;
        const error = q.check?.(value, answers);
        if (error) errors.push(`--${q.flag}：${error}`);
        else answers[q.key] = value;
      } else missing.push(q);
      continue;
    }
    answers[q.key] = await prompter!.ask(q, answers);
  }
  return { answers, missing, errors };
}
