/**
 * Problems are data: `{rule, severity, file, line, column, code, params}` plus the Chinese
 * `message` formatted from them in one place (`messages.ts`).
 */
import { labelInvisible } from './code-points.ts';
import { MESSAGES, type MessageCode, type MessageParams, type ParamsOf } from './messages.ts';
import { RULES, type RuleId, type Severity } from './rules/table.ts';

/**
 * The parameters as a message shows them: invisible, control and bidi characters of a value from
 * a file written as `[U+001B]`, so a hostile value can neither rewrite the CI log with terminal
 * escapes nor reorder the message around it. The problem's `params` keep the value as it is.
 */
function shown(params: MessageParams): MessageParams {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    const labelled = labelInvisible(value);
    if (labelled === value) continue;
    out ??= { ...params };
    out[key] = labelled;
  }
  return (out ?? params) as MessageParams;
}

/** A place in a data file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A place in a data file, with the file (relative to the data dir's parent, `/`-separated). */
export interface Location extends Position {
  file: string;
}

export interface Problem extends Location {
  /** Rule id (src/lib/rules/table.ts). */
  rule: RuleId;
  severity: Severity;
  /** Which message of the rule (several messages can belong to one rule). */
  code: MessageCode;
  /** Values the message was formatted from. */
  params: MessageParams;
  /** The Chinese message: what is wrong and how to fix it. */
  message: string;
}

/** Creates a problem; the rule, severity and message all follow from the message code. */
export function problem<C extends MessageCode>(
  code: C,
  at: Location,
  ...[params]: keyof ParamsOf<C> extends never ? [params?: ParamsOf<C>] : [params: ParamsOf<C>]
): Problem {
  const entry = MESSAGES[code];
  const rule = entry.rule as RuleId;
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    rule,
    severity: RULES[rule].severity,
    code,
    params: (params ?? {}) as MessageParams,
    message: (entry.text as (p: MessageParams) => string)(shown((params ?? {}) as MessageParams)),
  };
}

/** Orders problems by file, line, column, then rule: the order every output uses. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Counts errors and warnings. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
