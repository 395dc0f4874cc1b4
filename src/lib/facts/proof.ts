/**
 * Two-way proof (双向核验): the account states its filing number (or the registry's link) on the
 * platform, and the registry records where and when someone last saw it there. The filing's
 * `proof` says where and when; a later weekly inspection can confirm it (`proof: ok` moves the
 * check to the inspection day) or find it gone (`missing`, `changed`). The one implementation of
 * "is this account proven", used by the validator's rules, the compliance summary and the site.
 */
import { daysBetween } from '../dates.ts';
import type { Account, InspectionRecord } from '../model.ts';
import type { Proof } from '../schema/account.ts';
import type { ProofResult } from '../schema/inspection.ts';
import type { Policy } from '../schema/policy.ts';

/**
 * - `proven`: shown, and last checked within `policy.proof_stale_days`;
 * - `stale`: recorded, but the last check is older than that;
 * - `missing`: nothing recorded, or the latest inspection that looked did not find it;
 * - `exempt`: the account is not active, or the policy does not ask for proof.
 */
export type ProofState = 'proven' | 'stale' | 'missing' | 'exempt';

export interface ProofFact {
  readonly state: ProofState;
  /** Where the account shows it (from the filing); null when not recorded. */
  readonly where: Proof['where'] | null;
  /** The text as shown (from the filing); null when not recorded. */
  readonly text: string | null;
  /** The last day it was seen: the filing's `checked` or a later inspection with `proof: ok`; null when never. */
  readonly checked: string | null;
  /** Days since `checked` (as of the date asked), or null. */
  readonly age: number | null;
  /** A later inspection that did not find it: its day and result. */
  readonly lost: { readonly date: string; readonly result: Exclude<ProofResult, 'ok'> } | null;
}

/** Where the proof is shown, in Chinese. */
const PROOF_PLACES: Record<Proof['where'], string> = {
  profile: '简介',
  menu: '菜单',
  pinned: '置顶内容',
  other: '其他位置',
};

type ProofCheck = { date: string; result: ProofResult };

/** Per inspection list and day: each account's latest proof check (computed once: the lists are immutable). */
const latestChecks = new WeakMap<readonly InspectionRecord[], Map<string, Map<string, ProofCheck>>>();

/** The latest inspection (on or before `asOf`) that looked at the account's proof. */
function latestProofCheck(account: Pick<Account, 'id'>, inspections: readonly InspectionRecord[], asOf: string): ProofCheck | null {
  let byDay = latestChecks.get(inspections);
  if (!byDay) latestChecks.set(inspections, (byDay = new Map()));
  let byAccount = byDay.get(asOf);
  if (!byAccount) {
    byAccount = new Map();
    // Oldest first (as the loader sorts them): a later inspection overwrites an earlier one.
    const sorted = [...inspections].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const inspection of sorted) {
      if (inspection.date > asOf) break;
      for (const check of inspection.checks)
        if (check.proof !== undefined) byAccount.set(check.account, { date: inspection.date, result: check.proof });
    }
    byDay.set(asOf, byAccount);
  }
  return byAccount.get(account.id) ?? null;
}

/** The two-way proof of an account as of a day. */
export function proofFact(
  account: Pick<Account, 'id' | 'status' | 'proof'>,
  inspections: readonly InspectionRecord[],
  policy: Pick<Policy, 'proof_stale_days'>,
  asOf: string,
): ProofFact {
  const filed = account.proof ?? null;
  let checked = filed?.checked ?? null;
  let lost: ProofFact['lost'] = null;
  const inspected = latestProofCheck(account, inspections, asOf);
  if (inspected && (checked === null || inspected.date >= checked)) {
    if (inspected.result === 'ok') checked = inspected.date;
    else lost = { date: inspected.date, result: inspected.result };
  }
  const age = checked === null ? null : daysBetween(checked, asOf);
  const base = { where: filed?.where ?? null, text: filed?.text ?? null, checked, age, lost };
  if (account.status !== 'active' || policy.proof_stale_days === undefined) return { ...base, state: 'exempt' };
  if (lost || checked === null) return { ...base, state: 'missing' };
  if (age! > policy.proof_stale_days) return { ...base, state: 'stale' };
  return { ...base, state: 'proven' };
}

/** Whether the account shows its proof as of the day asked (recorded, not lost), however old the check. */
export function proofShown(fact: ProofFact): boolean {
  return fact.checked !== null && fact.lost === null;
}

/**
 * What the account page (and the verify answer) tells a citizen about the proof, in plain text:
 * `本账号在简介中标明备案编号 622926-2026-0012，最近核对于 2026-11-16。`, or that none is
 * recorded, or that the latest inspection no longer found it. Null for an account not in use.
 */
export function proofSentence(fact: ProofFact, filingNumber: string | undefined, staleDays: number | undefined): string | null {
  if (fact.state === 'exempt' && fact.checked === null && fact.lost === null) return null;
  const number = filingNumber ? `备案编号 ${filingNumber}` : '备案编号';
  /** The number before more Chinese text: a space after the digits. */
  const spaced = filingNumber ? `${number} ` : number;
  if (fact.lost) {
    const what = fact.lost.result === 'missing' ? `已找不到${number}` : `的${spaced}已被改动`;
    return `${fact.lost.date} 巡查时，该账号上${what}：请以本名录登记的账号 ID 和认证主体为准。`;
  }
  if (fact.checked === null) return `该账号尚未登记在平台上标明${spaced}的位置（双向核验），请以本名录登记的账号 ID 和认证主体为准。`;
  const place = fact.where ? `在${PROOF_PLACES[fact.where]}中` : '在平台上';
  const stale = fact.state === 'stale' && staleDays !== undefined ? `（已超过 ${staleDays} 天未核对）` : '';
  return `本账号${place}标明${number}，最近核对于 ${fact.checked}${stale}。可在 App 中对照账号上显示的内容。`;
}
