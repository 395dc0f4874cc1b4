/**
 * Account rules that look across files: one account per platform, who the platform verified the
 * account as, and whether each event was filed in time (working days, holiday calendar aware).
 */
import { normalizeName } from '../normalize.ts';
import { problem } from '../problems.ts';
import { EVENT_TYPES } from '../schema/account.ts';
import type { Account } from '../model.ts';
import type { RuleContext } from './context.ts';
import { looksLikePersonName } from './person-name.ts';

function checkOnePerPlatform(ctx: RuleContext): void {
  const groups = new Map<string, Account[]>();
  for (const account of ctx.dataset.accounts) {
    if (account.status === 'deregistered') continue;
    const key = `${account.unit}\n${account.platform}`;
    const list = groups.get(key) ?? [];
    list.push(account);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.opened < b.opened ? -1 : a.opened > b.opened ? 1 : a.id < b.id ? -1 : 1));
    const platformName = ctx.platformById?.get(list[0]!.platform)?.name ?? list[0]!.platform;
    for (const account of list.slice(1)) {
      if (account.waiver) continue;
      const others = list.filter((a) => a !== account).map((a) => `${a.id}（${a.name}）`).join('、');
      ctx.report(problem('one-account-per-platform.second', account.origin.at(['platform']), { platform: platformName, others }));
    }
  }
}

function checkVerification(ctx: RuleContext): void {
  for (const account of ctx.dataset.accounts) {
    const subject = account.verified_as;
    if (subject === null) continue;
    if (looksLikePersonName(subject)) {
      ctx.report(problem('personal-registration.person', account.origin.at(['verified_as']), { value: subject }));
      continue;
    }
    const unit = ctx.unitById.get(account.unit);
    if (!unit) continue;
    const names = [unit.name, ...unit.aliases].map(normalizeName);
    if (!names.includes(normalizeName(subject))) {
      ctx.report(problem('verified-subject-mismatch.mismatch', account.origin.at(['verified_as']), { value: subject, unit: unit.name }));
    }
  }
}

function checkFilingDeadlines(ctx: RuleContext): void {
  const { policy, calendar } = ctx;
  if (!policy) return;
  const deadline = policy.filing_deadline_working_days;
  const since = policy.filing_checked_from;
  for (const account of ctx.dataset.accounts) {
    account.events.forEach((e, i) => {
      if (since && e.date < since) return;
      if (e.filed <= e.date) return;
      const count = calendar.workdaysBetween(e.date, e.filed, deadline);
      if (count.missingYear !== undefined) {
        ctx.report(problem('calendar-missing.year', account.origin.at(['events', i, 'filed']), { year: count.missingYear }));
        return;
      }
      if (count.count <= deadline) return;
      const due = calendar.addWorkdays(e.date, deadline).date ?? '';
      const total = calendar.workdaysBetween(e.date, e.filed).count;
      ctx.report(
        problem('filing-late.late', account.origin.at(['events', i, 'filed']), {
          event: EVENT_TYPES[e.type],
          date: e.date,
          filed: e.filed,
          workdays: total,
          deadline,
          due,
        }),
      );
    });
  }
}

export function checkAccounts(ctx: RuleContext): void {
  checkOnePerPlatform(ctx);
  checkVerification(ctx);
  checkFilingDeadlines(ctx);
}
