/** Working days under the State Council calendar, cross-checked with the chinese-days package. */
import { isWorkday as referenceIsWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../src/lib/calendar.ts';
import { addDays } from '../src/lib/dates.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { REPO } from './helpers/fixture.ts';

const { registry } = loadRegistry(`${REPO}/data`, { asOf: '2026-11-28' });
const calendar = registry!.calendar;

describe('WorkCalendar', () => {
  it('ships 2025 and 2026', () => {
    expect(calendar.years).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it('agrees with chinese-days on every day of the years both cover', () => {
    const disagreements: string[] = [];
    for (const year of [2025, 2026]) {
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
        if (calendar.isWorkday(d) !== referenceIsWorkday(d)) disagreements.push(d);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('counts across Spring Festival 2026 with its make-up Saturdays', () => {
    // Fri 02-13 → Sat 02-14 (make-up) is the 1st working day; 02-15…02-23 off; Tue 02-24 the 2nd.
    expect(calendar.isWorkday('2026-02-14')).toBe(true);
    expect(calendar.isWorkday('2026-02-16')).toBe(false);
    expect(calendar.workdaysBetween('2026-02-13', '2026-02-24')).toEqual({ count: 2 });
    expect(calendar.addWorkdays('2026-02-13', 3)).toEqual({ date: '2026-02-25' });
    // Sat 02-28 is a make-up working day too.
    expect(calendar.workdaysBetween('2026-02-26', '2026-03-02')).toEqual({ count: 3 });
  });

  it('counts across Spring Festival 2025, whose make-up day is a Sunday', () => {
    expect(calendar.isWorkday('2025-01-26')).toBe(true);
    expect(calendar.addWorkdays('2025-01-24', 3)).toEqual({ date: '2025-02-05' });
    expect(calendar.isWorkday('2025-02-08')).toBe(true);
  });

  it('does not count the event day itself, nor a filing on or before it', () => {
    expect(calendar.workdaysBetween('2026-11-23', '2026-11-23')).toEqual({ count: 0 });
    expect(calendar.workdaysBetween('2026-11-23', '2026-11-20')).toEqual({ count: 0 });
    expect(calendar.workdaysBetween('2026-11-20', '2026-11-23')).toEqual({ count: 1 });
  });

  it('never guesses a year without a calendar file', () => {
    expect(calendar.isWorkday('2027-01-04')).toBeUndefined();
    expect(calendar.workdaysBetween('2026-12-30', '2027-01-05')).toEqual({ count: 1, missingYear: 2027 });
    expect(calendar.addWorkdays('2026-12-30', 3)).toEqual({ missingYear: 2027 });
  });

  it('stops counting once past a limit', () => {
    const small = new WorkCalendar([{ year: 2026, holidays: [], workdays: [] }]);
    expect(small.workdaysBetween('2026-01-01', '2026-12-31', 3).count).toBe(4);
  });
});
