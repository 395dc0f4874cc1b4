/**
 * Checks that need one file only but more than its schema: ids against file names, fields that
 * depend on each other, calendar and event order, dates after "today".
 */
import { closureWithoutNotice, needsVerification } from '../facts/facts.ts';
import { dayNumber, isWeekend } from '../dates.ts';
import { problem } from '../problems.ts';
import { EVENT_TYPES } from '../schema/account.ts';
import type { RuleContext } from './context.ts';

const isAfter = (date: string | null | undefined, asOf: string): date is string => !!date && date > asOf;

function checkUnits(ctx: RuleContext): void {
  for (const unit of ctx.dataset.units) {
    const folder = unit.origin.file.split('/').at(-2)!;
    if (unit.id !== folder) ctx.report(problem('id-mismatch.unit', unit.origin.at(['id']), { id: unit.id, folder }));
  }
}

function checkCalendars(ctx: RuleContext): void {
  for (const { ref, value, origin } of ctx.dataset.calendars) {
    if (String(value.year) !== ref.name) {
      ctx.report(problem('id-mismatch.calendar', origin.at(['year']), { year: value.year, fileYear: ref.name }));
    }
    const inYear = (d: string, allowPreviousYearEnd: boolean) =>
      d.startsWith(`${value.year}-`) || (allowPreviousYearEnd && d.startsWith(`${value.year - 1}-12-`));
    value.holidays.forEach((h, i) => {
      if (h.from > h.to) ctx.report(problem('schema.holiday-range', origin.at(['holidays', i, 'from']), { from: h.from, to: h.to }));
      if (!inYear(h.from, true))
        ctx.report(problem('schema.calendar-year', origin.at(['holidays', i, 'from']), { date: h.from, year: value.year }));
      if (!inYear(h.to, false) && !h.to.startsWith(`${value.year + 1}-01-`)) {
        ctx.report(problem('schema.calendar-year', origin.at(['holidays', i, 'to']), { date: h.to, year: value.year }));
      }
    });
    value.workdays.forEach((w, i) => {
      const at = origin.at(['workdays', i]);
      if (!inYear(w, false)) ctx.report(problem('schema.calendar-year', at, { date: w, year: value.year }));
      else if (!isWeekend(dayNumber(w))) ctx.report(problem('schema.workday-weekday', at, { date: w }));
      if (value.holidays.some((h) => h.from <= w && w <= h.to)) ctx.report(problem('schema.workday-holiday', at, { date: w }));
    });
  }
}

function checkAccounts(ctx: RuleContext): void {
  const { asOf } = ctx;
  for (const account of ctx.dataset.accounts) {
    const at = account.origin.at.bind(account.origin);
    if (account.operation === 'outsourced' && !account.operator) ctx.report(problem('schema.operator-missing', at(['operation'])));
    if (account.operation === 'self' && account.operator) ctx.report(problem('schema.operator-unexpected', at(['operator'], 'key')));

    // event-order
    let status: 'none' | 'active' | 'suspended' | 'deregistered' = 'none';
    let previousDate = '';
    account.events.forEach((e, i) => {
      if (i === 0 && e.type !== 'opened') ctx.report(problem('event-order.first', at(['events', 0, 'type']), { type: e.type }));
      else if (status === 'deregistered')
        ctx.report(problem('event-order.after-deregistered', at(['events', i, 'type']), { type: e.type }));
      else if (i > 0 && e.type === 'opened') ctx.report(problem('event-order.opened-again', at(['events', i, 'type']), {}));
      else if (e.type === 'resumed' && status !== 'suspended') ctx.report(problem('event-order.resume', at(['events', i, 'type']), {}));
      else if (e.type === 'suspended' && status === 'suspended')
        ctx.report(problem('event-order.suspend-twice', at(['events', i, 'type']), {}));
      else if (e.type === 'changed' && status === 'suspended')
        ctx.report(problem('event-order.change-suspended', at(['events', i, 'type']), {}));
      if (i > 0 && e.date < previousDate)
        ctx.report(problem('event-order.date', at(['events', i, 'date']), { date: e.date, previous: previousDate }));
      previousDate = e.date;
      status = e.type === 'suspended' ? 'suspended' : e.type === 'deregistered' ? 'deregistered' : 'active';

      for (const field of ['date', 'filed'] as const) {
        if (isAfter(e[field], asOf)) {
          ctx.report(
            problem('future-date.date', at(['events', i, field]), {
              field,
              title: field === 'date' ? '发生日期' : '备案日期',
              value: e[field],
              asOf,
            }),
          );
        }
      }
    });
    if (isAfter(account.waiver?.approved_on, asOf)) {
      ctx.report(
        problem('future-date.date', at(['waiver', 'approved_on']), {
          field: 'approved_on',
          title: '批准日期',
          value: account.waiver!.approved_on,
          asOf,
        }),
      );
    }

    // closure hygiene and verification (facts shared with the compliance engine)
    const closure = closureWithoutNotice(account);
    if (closure)
      ctx.report(
        problem('closure-notice-missing.missing', at(['events', closure.index, 'type']), { event: EVENT_TYPES[closure.event.type] }),
      );
    if (needsVerification(account)) {
      ctx.report(problem('unverified-account.null', at(['verified_as']), {}));
    }
  }
}

function checkInspections(ctx: RuleContext): void {
  const { asOf } = ctx;
  for (const inspection of ctx.dataset.inspections) {
    const at = inspection.origin.at.bind(inspection.origin);
    const [folder, name] = inspection.origin.file.split('/').slice(-2) as [string, string];
    const fileDate = name.replace(/\.yaml$/, '');
    if (inspection.date !== fileDate) ctx.report(problem('id-mismatch.inspection', at(['date']), { date: inspection.date, fileDate }));
    else if (!inspection.date.startsWith(`${folder}-`))
      ctx.report(problem('id-mismatch.inspection-folder', at(['date']), { date: inspection.date, folder }));
    if (isAfter(inspection.date, asOf))
      ctx.report(problem('future-date.date', at(['date']), { field: 'date', title: '巡查日期', value: inspection.date, asOf }));
    const firstIndex = new Map<string, number>();
    inspection.checks.forEach((c, i) => {
      const first = firstIndex.get(c.account);
      if (first !== undefined) {
        ctx.report(
          problem('schema.duplicate-check', at(['checks', i, 'account']), { account: c.account, firstLine: at(['checks', first]).line }),
        );
      } else firstIndex.set(c.account, i);
      if (c.last_post !== null && c.last_post > inspection.date && !isAfter(c.last_post, asOf)) {
        ctx.report(
          problem('future-date.after-inspection', at(['checks', i, 'last_post']), {
            account: c.account,
            lastPost: c.last_post,
            date: inspection.date,
          }),
        );
      }
      if (isAfter(c.last_post, asOf)) {
        ctx.report(
          problem('future-date.date', at(['checks', i, 'last_post']), {
            field: 'last_post',
            title: '最近更新日期',
            value: c.last_post,
            asOf,
          }),
        );
      }
    });
    inspection.rectifications.forEach((r, i) => {
      if (isAfter(r.resolved, asOf)) {
        ctx.report(
          problem('future-date.date', at(['rectifications', i, 'resolved']), {
            field: 'resolved',
            title: '整改完成日期',
            value: r.resolved!,
            asOf,
          }),
        );
      }
    });
  }
}

function checkImpostors(ctx: RuleContext): void {
  const { asOf } = ctx;
  const titles = { found: '发现日期', reported: '举报日期', removed: '处置日期' } as const;
  for (const impostor of ctx.dataset.impostors) {
    const at = impostor.origin.at.bind(impostor.origin);
    if (impostor.handle === null && impostor.url === null) ctx.report(problem('schema.impostor-no-link', at(['handle'], 'key'), {}));
    for (const field of ['found', 'reported', 'removed'] as const) {
      if (isAfter(impostor[field], asOf))
        ctx.report(problem('future-date.date', at([field]), { field, title: titles[field], value: impostor[field]!, asOf }));
    }
    const order = (['found', 'reported', 'removed'] as const).filter((k) => impostor[k]);
    for (let i = 1; i < order.length; i++) {
      const [earlier, later] = [order[i - 1]!, order[i]!];
      if (impostor[later]! < impostor[earlier]!) {
        ctx.report(
          problem('event-order.impostor', at([later]), {
            later: impostor[later]!,
            laterTitle: titles[later],
            earlier: impostor[earlier]!,
            earlierTitle: titles[earlier],
          }),
        );
      }
    }
  }
}

/** Thresholds in an order no inspection can follow: the warning must come before the outright fail. */
function checkPolicy(ctx: RuleContext): void {
  const policy = ctx.dataset.policy;
  if (!policy) return;
  const { stale_warning_days: warning, stale_fail_days: fail } = policy.value;
  if (warning >= fail) ctx.report(problem('schema.policy-order', policy.origin.at(['stale_warning_days']), { warning, fail }));
}

/** Per-file checks beyond the schema. */
export function checkFiles(ctx: RuleContext): void {
  checkPolicy(ctx);
  checkUnits(ctx);
  checkCalendars(ctx);
  checkAccounts(ctx);
  checkInspections(ctx);
  checkImpostors(ctx);
}
