/**
 * Inspection rules, at the latest inspection on or before "today": stale accounts (warning and
 * 单项否决), active accounts left out, no inspection within the interval, and rectifications
 * past their due date. The facts come from src/lib/facts/facts.ts, shared with the
 * compliance engine.
 */
import { absentAccounts, checkFacts, inspectionAge, latestInspection, rectificationFacts } from '../facts/facts.ts';
import { problem } from '../problems.ts';
import { FINDINGS } from '../schema/inspection.ts';
import type { RuleContext } from './context.ts';

export function checkInspections(ctx: RuleContext): void {
  const { policy, asOf, dataset } = ctx;
  if (!policy) return;
  const latest = latestInspection(dataset.inspections, asOf);

  if (!latest) {
    if (dataset.policy && dataset.accounts.some((a) => a.status === 'active')) {
      ctx.report(problem('inspection-missing.none', dataset.policy.origin.at(['inspection_interval_days']), {}));
    }
  } else {
    const age = inspectionAge(latest, asOf, policy);
    if (age.overdue) {
      ctx.report(
        problem('inspection-missing.overdue', latest.origin.at(['date']), {
          latest: latest.date,
          days: age.days,
          interval: policy.inspection_interval_days,
        }),
      );
    }
    for (const account of absentAccounts(latest, dataset.accounts)) {
      ctx.report(problem('inspection-missing.absent', latest.origin.at(['checks'], 'key'), { account: account.id, date: latest.date }));
    }
    for (const fact of checkFacts(latest, ctx.accountById, policy)) {
      if (fact.level === 'ok') continue;
      const c = fact.check;
      const params = {
        account: c.account,
        days: fact.days,
        lastPost: c.last_post ?? `无（${fact.account.opened} 开设）`,
        date: latest.date,
      };
      const at = latest.origin.at(['checks', fact.index, 'last_post']);
      if (fact.level === 'fail') ctx.report(problem('stale-fail.days', at, { ...params, limit: policy.stale_fail_days }));
      else ctx.report(problem('stale-warning.days', at, { ...params, limit: policy.stale_warning_days }));
    }
  }

  for (const fact of rectificationFacts(dataset.inspections, asOf, ctx.accountById)) {
    // A resolution dated after today is a future-date error, reported there; it is not also overdue.
    if (fact.state !== 'overdue' || fact.rectification.resolved !== null) continue;
    const r = fact.rectification;
    ctx.report(
      problem('rectification-overdue.overdue', fact.inspection.origin.at(['rectifications', fact.index, 'due']), {
        account: r.account,
        issue: FINDINGS[r.issue],
        due: r.due,
        days: fact.daysOverdue,
      }),
    );
  }
}
