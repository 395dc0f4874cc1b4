/** What every rule check receives: the dataset read so far and a way to report problems. */
import type { WorkCalendar } from '../calendar.ts';
import type { Dataset } from '../load/dataset.ts';
import type { Account, Unit } from '../model.ts';
import type { Problem } from '../problems.ts';
import type { Platform } from '../schema/platforms.ts';
import type { Policy } from '../schema/policy.ts';

export interface RuleContext {
  /** "Today" for deadlines and future dates. */
  asOf: string;
  dataset: Dataset;
  /** Present only when `data/policy.yaml` is valid. */
  policy?: Policy;
  /** Present only when `data/platforms.yaml` is valid. */
  platformById?: ReadonlyMap<string, Platform>;
  calendar: WorkCalendar;
  unitById: ReadonlyMap<string, Unit>;
  accountById: ReadonlyMap<string, Account>;
  report(problem: Problem): void;
}

export type RuleCheck = (ctx: RuleContext) => void;
