/**
 * Working days under the State Council holiday arrangement: weekdays are working days unless
 * they fall in a holiday; weekend days are rest days unless listed as make-up working days.
 * A year without a calendar file is never guessed: callers learn which year is missing.
 */
import type { CalendarYear } from './schema/calendar.ts';
import { dateOf, dayNumber, isWeekend } from './dates.ts';

export interface WorkdayCount {
  /** Working days counted. */
  count: number;
  /** A year the count reached that has no calendar file; the count stopped there. */
  missingYear?: number;
}

export class WorkCalendar {
  readonly #years: ReadonlySet<number>;
  readonly #holidays = new Set<number>();
  readonly #workdays = new Set<number>();

  constructor(years: readonly CalendarYear[]) {
    this.#years = new Set(years.map((y) => y.year));
    for (const y of years) {
      for (const h of y.holidays) {
        for (let d = dayNumber(h.from); d <= dayNumber(h.to); d++) this.#holidays.add(d);
      }
      for (const w of y.workdays) this.#workdays.add(dayNumber(w));
    }
  }

  /** Years that have a calendar file, ascending. */
  get years(): number[] {
    return [...this.#years].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** Whether a day is a working day; `undefined` when its year has no calendar file. */
  isWorkday(date: string | number): boolean | undefined {
    const day = typeof date === 'number' ? date : dayNumber(date);
    const year = Number(dateOf(day).slice(0, 4));
    if (!this.#years.has(year)) return undefined;
    if (this.#workdays.has(day)) return true;
    if (this.#holidays.has(day)) return false;
    return !isWeekend(day);
  }

  /**
   * Working days after `from` up to and including `to` (0 when `to` is not after `from`).
   * Counting stops once it exceeds `stopAbove`, and at the first day whose year is missing.
   */
  workdaysBetween(from: string, to: string, stopAbove = Infinity): WorkdayCount {
    let count = 0;
    const end = dayNumber(to);
    for (let d = dayNumber(from) + 1; d <= end && count <= stopAbove; d++) {
      const work = this.isWorkday(d);
      if (work === undefined) return { count, missingYear: Number(dateOf(d).slice(0, 4)) };
      if (work) count++;
    }
    return { count };
  }

  /** The `n`-th working day after `from` (a filing deadline), or the missing year. */
  addWorkdays(from: string, n: number): { date?: string; missingYear?: number } {
    let count = 0;
    for (let d = dayNumber(from) + 1; ; d++) {
      const work = this.isWorkday(d);
      if (work === undefined) return { missingYear: Number(dateOf(d).slice(0, 4)) };
      if (work && ++count >= n) return { date: dateOf(d) };
    }
  }
}
