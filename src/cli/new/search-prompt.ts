/**
 * A searchable choice prompt in Chinese, on top of @clack/core's Prompt (the look of
 * @clack/prompts, whose own `autocomplete` prints English chrome — `Search:`, `matches`,
 * `↑/↓ to select` — and keeps the cursor on an earlier choice while the clerk types).
 *
 * The choices are ranked for what was typed (`rankChoices`): an exact name, short name, alias or
 * id first, then names that start with the text, then names that contain it; among equals the
 * unit above its sub-units (typing 锁南镇 puts the town before its village committees), then the
 * shorter name. The cursor goes to the best match whenever the text changes.
 */
import type { Readable, Writable } from 'node:stream';
import { styleText } from 'node:util';
import { Prompt } from '@clack/core';
import { S_BAR, S_BAR_END, symbol } from '@clack/prompts';
import type { Choice } from './form.ts';

/** Texts of a choice that a query is compared with: its value, its label and its search texts. */
function textsOf(c: Choice): string[] {
  return [c.value, c.label, ...(c.search ?? [])].map((t) => t.toLowerCase());
}

/** The choices matching `query`, best first (see the file comment); all of them, in order, for an empty query. */
export function rankChoices(choices: readonly Choice[], query: string): Choice[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...choices];
  const scored: { c: Choice; score: number; index: number }[] = [];
  choices.forEach((c, index) => {
    let score = Infinity;
    for (const t of textsOf(c)) score = Math.min(score, t === q ? 0 : t.startsWith(q) ? 1 : t.includes(q) ? 2 : Infinity);
    if (score !== Infinity) scored.push({ c, score, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || (a.c.depth ?? 0) - (b.c.depth ?? 0) || a.c.label.length - b.c.label.length || a.index - b.index)
    .map((s) => s.c);
}

export interface SearchOptions {
  message: string;
  choices: readonly Choice[];
  initialValue?: string;
  /** Shown greyed while nothing is typed. */
  placeholder?: string;
  maxItems?: number;
  input?: Readable;
  output?: Writable;
}

class SearchPrompt extends Prompt<string> {
  matches: Choice[];
  index = 0;
  #query = '';
  /** Whether the clerk typed or moved: Enter on an untouched list must not pick its first entry unread. */
  #touched: boolean;

  readonly options: SearchOptions;

  constructor(options: SearchOptions) {
    super(
      {
        input: options.input,
        output: options.output,
        render: () => this.#render(),
        validate: (value) =>
          !this.#touched ? '请先输入文字筛选，或用 ↑↓ 选择' : value === undefined ? '没有匹配的选项：请换个说法，或删去几个字' : undefined,
      },
      true,
    );
    this.options = options;
    this.matches = [...options.choices];
    const initial = options.initialValue === undefined ? -1 : this.matches.findIndex((c) => c.value === options.initialValue);
    this.index = Math.max(initial, 0);
    this.#touched = initial !== -1;
    this.value = this.matches[this.index]?.value;
    this.on('userInput', (text) => {
      if (text === this.#query) return;
      this.#query = text;
      this.#touched = true;
      this.matches = rankChoices(options.choices, text);
      this.#move(0);
    });
    this.on('cursor', (key) => {
      if (key === 'up' || key === 'down') this.#touched = true;
      if (key === 'up') this.#move(this.index - 1);
      if (key === 'down') this.#move(this.index + 1);
    });
  }

  #move(to: number): void {
    const n = this.matches.length;
    this.index = n === 0 ? 0 : (to + n) % n;
    this.value = this.matches[this.index]?.value;
  }

  #render(): string {
    const { message, placeholder, maxItems = 8 } = this.options;
    const head = `${styleText('gray', S_BAR)}\n${symbol(this.state)}  ${message}`;
    const chosen = this.matches[this.index];
    if (this.state === 'submit') return `${head}\n${styleText('gray', S_BAR)}  ${styleText('dim', chosen?.label ?? '')}`;
    if (this.state === 'cancel') return `${head}\n${styleText('gray', S_BAR)}  ${styleText(['strikethrough', 'dim'], this.userInput)}`;
    const color = this.state === 'error' ? 'yellow' : 'cyan';
    const bar = `${styleText(color, S_BAR)}  `;
    const typed = this.userInput ? `${this.userInput}█` : placeholder ? styleText('dim', placeholder) : '';
    const count = this.userInput ? styleText('dim', `（${this.matches.length} 项符合）`) : '';
    const lines = [head, `${bar}搜索：${typed}${count}`];
    const start = Math.min(Math.max(0, this.index - Math.floor(maxItems / 2)), Math.max(0, this.matches.length - maxItems));
    const shown = this.matches.slice(start, start + maxItems);
    if (start > 0) lines.push(`${bar}${styleText('dim', '…')}`);
    shown.forEach((c, i) => {
      const active = start + i === this.index;
      const hint = c.hint && active ? styleText('dim', `（${c.hint}）`) : '';
      lines.push(active ? `${bar}${styleText('green', '●')} ${c.label}${hint}` : `${bar}${styleText('dim', `○ ${c.label}`)}`);
    });
    if (start + maxItems < this.matches.length) lines.push(`${bar}${styleText('dim', '…')}`);
    if (this.matches.length === 0) lines.push(`${bar}${styleText('yellow', '没有符合的选项')}`);
    if (this.state === 'error') lines.push(`${bar}${styleText('yellow', this.error)}`);
    lines.push(`${bar}${styleText('dim', '输入文字筛选 · ↑↓ 选择 · 回车确认')}`, styleText(color, S_BAR_END));
    return lines.join('\n');
  }
}

/** Asks for one of `choices`; resolves to its value, or the cancel symbol. */
export function search(options: SearchOptions): Promise<string | symbol | undefined> {
  return new SearchPrompt(options).prompt();
}
