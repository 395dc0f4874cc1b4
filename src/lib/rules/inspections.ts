/**
 * Inspection rules, at the latest inspection on or before "today": stale accounts (warning and
 * 单项否决), active accounts left out, no inspection within the interval, and rectifications
 * past their due date.
 */
import { daysBetween } from '../dates.ts';
import { statusOn } from '../model.ts';
import { problem } from '../problems.ts';
import { FINDINGS } from '../schema/inspection.ts';
import type { RuleContext } from './context.ts';

export function checkInspections(ctx: RuleContext): void {
  const { policy, asOf, dataset } = ctx;
  if (!policy) return;
  const past = dataset.inspections.filter((i) => i.date <= asOf);
  const latest = past[past.length - 1];

  if (!latest) {
    if (dataset.policy && dataset.accounts.some((a) => a.status === 'active')) {
      ctx.report(problem('inspection-missing.none', dataset.policy.origin.at(['inspection_interval_days']), {}));
    }
  } else {
    const age = daysBetween(latest.date, asOf);
    if (age > policy.inspection_interval_days) {
      ctx.report(problem('inspection-missing.overdue', latest.origin.at(['date']), { latest: latest.date, days: age, interval: policy.inspection_interval_days }));
    }
    const checked = new Set(latest.checks.map((c) => c.account));
    for (const account of dataset.accounts) {
      if (statusOn(account, latest.date) === 'active' && !checked.has(account.id)) {
        ctx.report(problem('inspection-missing.absent', latest.origin.at(['checks'], 'key'), { account: account.id, date: latest.date }));
      }
    }
    latest.checks.forEach((c, i) => {
      const account = ctx.accountById.get(c.account);
      if (!account || statusOn(account, latest.date) !== 'active') return;
      const since = c.last_post ?? account.opened;
      const days = daysBetween(since, latest.date);
      const params = { account: c.account, days, lastPost: c.last_post ?? `无（${account.opened} 开设）`, date: latest.date };
      const at = latest.origin.at(['checks', i, 'last_post']);
      if (days > policy.stale_fail_days) ctx.report(problem('stale-fail.days', at, { ...params, limit: policy.stale_fail_days }));
      else if (days > policy.stale_warning_days) ctx.report(problem('stale-warning.days', at, { ...params, limit: policy.stale_warning_days }));
    });
  }

  for (const inspection of past) {
    inspection.rectifications.forEach((r, i) => {
      if (r.resolved !== null || r.due >= asOf) return;
      if (ctx.accountById.get(r.account)?.status === 'deregistered') return;
      ctx.report(
        problem('rectification-overdue.overdue', inspection.origin.at(['rectifications', i, 'due']), {
          account: r.account,
          issue: FINDINGS[r.issue],
          due: r.due,
          days: daysBetween(r.due, asOf),
        }),
      );
    });
  }
}
