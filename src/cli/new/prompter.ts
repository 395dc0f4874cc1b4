/**
 * Asking questions at a terminal with @clack/prompts. Input and output streams are injectable,
 * which is how the tests drive a whole interactive session.
 */
import type { Readable, Writable } from 'node:stream';
import * as p from '@clack/prompts';
import { interpret, messageOf, type Answers, type Question, type Value } from './form.ts';
import { search } from './search-prompt.ts';

/** Thrown when the clerk cancels (Ctrl+C / Esc). */
export class CancelledError extends Error {}

/** What the form runner needs from a terminal. */
export interface Prompter {
  ask(q: Question, a: Answers): Promise<Value>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  info(text: string): void;
  warn(text: string): void;
  note(text: string, title?: string): void;
  intro(text: string): void;
  outro(text: string): void;
}

function unwrap<T>(value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) throw new CancelledError('已取消');
  return value as Exclude<T, symbol>;
}

/** A prompter on the given streams (the process's stdin/stdout when run from a terminal). */
export function clackPrompter(input: Readable, output: Writable): Prompter {
  const io = { input, output };
  return {
    async ask(q, a) {
      const note = q.note?.(a);
      if (note) p.log.message(note, io);
      const message = messageOf(q, a);
      const initial = q.prefill === false ? undefined : (q.initial?.(a) ?? q.suggest?.(a));
      const check = (raw: string | boolean) => interpret(q, raw, a);
      if (q.type === 'confirm') {
        for (;;) {
          const answer = unwrap(
            await p.confirm({
              message,
              initialValue: initial === undefined ? true : initial === 'yes',
              active: '是',
              inactive: '否',
              ...io,
            }),
          );
          const { value, error } = check(answer);
          if (!error) return value!;
          p.log.error(error, io);
        }
      }
      if (q.type === 'select' || q.type === 'autocomplete') {
        const options = (q.choices?.(a) ?? []).map((c) => ({ value: c.value, label: c.label, hint: c.hint }));
        for (;;) {
          const chosen =
            q.type === 'select'
              ? unwrap(
                  await p.select({
                    message: `${message}（↑↓ 选择，回车确认）`,
                    options,
                    initialValue: initial,
                    maxItems: 12,
                    showInstructions: false,
                    ...io,
                  }),
                )
              : unwrap(
                  await search({
                    message,
                    choices: q.choices?.(a) ?? [],
                    initialValue: initial,
                    maxItems: 8,
                    placeholder: q.placeholder?.(a) ?? '输入名称、简称或编号',
                    ...io,
                  }),
                );
          const { value, error } = check(chosen ?? '');
          if (!error) return value!;
          p.log.error(error, io);
        }
      }
      const answer = unwrap(
        await p.text({
          message: q.optional ? `${message}（可留空）` : message,
          placeholder: q.placeholder?.(a),
          initialValue: initial,
          validate: (raw) => check(raw ?? '').error,
          ...io,
        }),
      );
      return check(answer ?? '').value!;
    },
    async confirm(message, initial) {
      return unwrap(await p.confirm({ message, initialValue: initial, active: '是', inactive: '否', ...io }));
    },
    info: (text) => p.log.info(text, io),
    warn: (text) => p.log.warn(text, io),
    note: (text, title) => p.note(text, title, io),
    intro: (text) => p.intro(text, io),
    outro: (text) => p.outro(text, io),
  };
}
