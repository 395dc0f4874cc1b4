/**
 * Account rules that look across files: one account per platform, who the platform verified the
 * account as, and whether each event was filed in time (working days, holiday calendar aware).
 * The facts themselves come from src/lib/facts/facts.ts, shared with the compliance engine.
 */
import { filingFacts, verificationOf } from '../facts/facts.ts';
import { problem } from '../problems.ts';
import { EVENT_TYPES } from '../schema/account.ts';
import type { Account } from '../model.ts';
import type { RuleContext } from './context.ts';

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
      const others = list
        .filter((a) => a !== account)
        .map((a) => `${a.id}（${a.name}）`)
        .join('、');
      ctx.report(problem('one-account-per-platform.second', account.origin.at(['platform']), { platform: platformName, others }));
    }
  }
}

function checkVerification(ctx: RuleContext): void {
  for (const account of ctx.dataset.accounts) {
    const unit = ctx.unitById.get(account.unit);
    const verification = verificationOf(account, unit);
    const at = () => account.origin.at(['verified_as']);
    if (verification === 'person') ctx.report(problem('personal-registration.person', at(), { value: account.verified_as! }));
    else if (verification === 'mismatch')
      ctx.report(problem('verified-subject-mismatch.mismatch', at(), { value: account.verified_as!, unit: unit!.name }));
  }
}

function checkFilingDeadlines(ctx: RuleContext): void {
  const { policy, calendar } = ctx;
  if (!policy) return;
  for (const account of ctx.dataset.accounts) {
    for (const fact of filingFacts(account, policy, calendar)) {
      if (fact.status !== 'late' && fact.status !== 'unknown') continue;
      const at = account.origin.at(['events', fact.index, 'filed']);
      if (fact.status === 'unknown') {
        ctx.report(problem('calendar-missing.year', at, { year: fact.missingYear! }));
        continue;
      }
      const e = fact.event;
      ctx.report(
        problem('filing-late.late', at, {
          event: EVENT_TYPES[e.type],
          date: e.date,
          filed: e.filed,
          workdays: fact.workdays!,
          deadline: fact.deadline,
          due: fact.due ?? '',
        }),
      );
    }
  }
}

export function checkAccounts(ctx: RuleContext): void {
  checkOnePerPlatform(ctx);
  checkVerification(ctx);
  checkFilingDeadlines(ctx);
}
