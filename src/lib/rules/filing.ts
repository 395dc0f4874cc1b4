/**
 * `filing-number`: every filing number belongs to this registry's region, to one account only,
 * and is the one the ledger (`data/filing-numbers.yaml`) records for it; the ledger gives each
 * number once and each account one number; accounts filed since `policy.filing_number_required_from`
 * have one. `proof-missing` / `proof-stale`: active accounts show their number on the platform and
 * someone checked it lately (src/lib/facts/proof.ts).
 */
import { proofFact } from '../facts/proof.ts';
import { problem } from '../problems.ts';
import type { Account } from '../model.ts';
import type { RuleContext } from './context.ts';

function checkNumbers(ctx: RuleContext): void {
  const { dataset } = ctx;
  const site = dataset.site?.value;
  const ledger = dataset.filingNumbers;
  const entries = ledger?.value.numbers ?? [];
  let byFilingNumber: Map<string, Account> | undefined;
  /** Accounts by the number they carry (built on first use: only moved files need it). */
  const numbered = () =>
    (byFilingNumber ??= new Map(dataset.accounts.flatMap((a) => (a.filing_number ? [[a.filing_number, a] as const] : []))));

  // The ledger itself: each number once, each account once, every account exists and carries its number.
  const byNumber = new Map<string, { account: string; index: number }>();
  const byAccount = new Map<string, { number: string; index: number }>();
  entries.forEach((entry, index) => {
    const at = (key: 'number' | 'account') => ledger!.origin.at(['numbers', index, key]);
    const firstNumber = byNumber.get(entry.number);
    if (firstNumber) {
      ctx.report(
        problem('filing-number.ledger-duplicate', at('number'), {
          number: entry.number,
          firstLine: ledger!.origin.at(['numbers', firstNumber.index, 'number']).line,
        }),
      );
      return;
    }
    byNumber.set(entry.number, { account: entry.account, index });
    const firstAccount = byAccount.get(entry.account);
    if (firstAccount) {
      ctx.report(
        problem('filing-number.ledger-account-twice', at('account'), {
          account: entry.account,
          first: firstAccount.number,
          firstLine: ledger!.origin.at(['numbers', firstAccount.index, 'account']).line,
        }),
      );
      return;
    }
    byAccount.set(entry.account, { number: entry.number, index });
    const account = ctx.accountById.get(entry.account);
    if (!account) {
      // An account file that exists but is invalid is reported on its own; only a missing file is the ledger's problem.
      if (dataset.accountIds.has(entry.account)) return;
      const moved = numbered().get(entry.number);
      if (moved) ctx.report(problem('filing-number.moved', at('account'), { number: entry.number, account: entry.account, now: moved.id }));
      else ctx.report(problem('filing-number.ledger-unknown-account', at('account'), { number: entry.number, account: entry.account }));
    } else if (!account.filing_number) {
      ctx.report(problem('filing-number.ledger-unused', at('account'), { number: entry.number, account: entry.account }));
    }
  });

  // Each account's number. Of accounts sharing one, the one the ledger gives it to keeps it.
  const from = ctx.policy?.filing_number_required_from;
  const sharing = new Map<string, Account[]>();
  for (const account of dataset.accounts) {
    const number = account.filing_number;
    if (number) sharing.set(number, [...(sharing.get(number) ?? []), account]);
    const opening = account.events[0];
    if (!number && from && opening && opening.filed >= from && !byAccount.has(account.id))
      ctx.report(problem('filing-number.missing', account.origin.at(['events', 0, 'filed']), { filed: opening.filed, from }));
  }
  for (const [number, list] of sharing) {
    const recorded = byNumber.get(number);
    list.sort((a, b) => Number(b.id === recorded?.account) - Number(a.id === recorded?.account) || (a.id < b.id ? -1 : 1));
    const holder = list[0]!;
    const held = holder.origin.at(['filing_number']);
    for (const other of list.slice(1)) {
      ctx.report(
        problem('filing-number.duplicate', other.origin.at(['filing_number']), {
          number,
          other: holder.id,
          otherFile: held.file,
          otherLine: held.line,
        }),
      );
    }
    if (site && !number.startsWith(`${site.region.code}-`)) {
      ctx.report(problem('filing-number.region', held, { number, region: site.region.name, code: site.region.code }));
      continue;
    }
    const own = byAccount.get(holder.id);
    if (own && own.number !== number) ctx.report(problem('filing-number.changed', held, { number, recorded: own.number }));
    else if (recorded && recorded.account !== holder.id) {
      // When the ledger's account no longer exists the file was moved: reported once, on the ledger.
      if (ctx.accountById.has(recorded.account) || dataset.accountIds.has(recorded.account))
        ctx.report(problem('filing-number.reused', held, { number, other: recorded.account }));
    } else if (!recorded) ctx.report(problem('filing-number.not-in-ledger', held, { number }));
  }
}

/** What an inspection found, in the message. */
const LOST = { missing: '已找不到', changed: '已被改动' } as const;

function checkProof(ctx: RuleContext): void {
  const { policy } = ctx;
  if (!policy || policy.proof_stale_days === undefined) return;
  const inspections = ctx.dataset.inspections;
  for (const account of ctx.dataset.accounts) {
    const fact = proofFact(account, inspections, policy, ctx.asOf);
    const where = account.proof ? account.origin.at(['proof'], 'key') : account.origin.at(['name'], 'key');
    if (fact.state === 'missing' && fact.lost) {
      ctx.report(problem('proof-missing.lost', where, { date: fact.lost.date, result: LOST[fact.lost.result] }));
    } else if (fact.state === 'missing') {
      ctx.report(problem('proof-missing.none', where, { number: account.filing_number ?? '' }));
    } else if (fact.state === 'stale') {
      const at = account.proof ? account.origin.at(['proof', 'checked']) : where;
      ctx.report(problem('proof-stale.old', at, { checked: fact.checked!, days: fact.age!, limit: policy.proof_stale_days }));
    }
  }
}

export function checkFiling(ctx: RuleContext): void {
  checkNumbers(ctx);
  checkProof(ctx);
}
