/**
 * The Chinese wording of compliance evidence, in one place: what the engine found, with the dates
 * and figures that prove it. Pages, cards and reports print these strings; the validator's own
 * messages stay in src/lib/messages.ts.
 */
import { STATUS_NAMES } from '../model.ts';
import { EVENT_TYPES, type EventType } from '../schema/account.ts';
import { FINDINGS, type Finding } from '../schema/inspection.ts';

/** `2026-11-02`, or `从未更新（2026-03-01 开设）` for an account that never posted. */
export function lastPostText(lastPost: string | null, opened: string): string {
  return lastPost ?? `从未更新（${opened} 开设）`;
}

export const EVIDENCE = {
  stale: (p: { date: string; days: number; lastPost: string | null; opened: string; limit: number }) =>
    `${p.date} 巡查时已 ${p.days} 天未更新（最近更新 ${lastPostText(p.lastPost, p.opened)}），超过 ${p.limit} 天`,
  rectificationOverdue: (p: { inspection: string; issue: Finding; due: string; days: number }) =>
    `${p.inspection} 巡查要求整改“${FINDINGS[p.issue]}”，期限 ${p.due}，已逾期 ${p.days} 天仍未完成`,
  finding: (p: { date: string; finding: Finding; note?: string }) =>
    `${p.date} 巡查发现：${FINDINGS[p.finding]}${p.note ? `（${p.note}）` : ''}`,
  unverifiedFiling: () => '账号未在平台认证为本单位（备案中认证主体为空）',
  unverifiedFinding: (p: { date: string; note?: string }) => `${p.date} 巡查发现账号未认证${p.note ? `（${p.note}）` : ''}`,
  subjectMismatch: (p: { subject: string; unit: string }) => `认证主体「${p.subject}」，单位全称「${p.unit}」`,
  personSubject: (p: { subject: string }) => `认证主体「${p.subject}」像是个人姓名`,
  filingLate: (p: { type: EventType; date: string; filed: string; workdays: number; deadline: number; due: string | null }) =>
    `${EVENT_TYPES[p.type]}（${p.date}）于 ${p.filed} 备案，用了 ${p.workdays} 个工作日（时限 ${p.deadline} 个工作日${p.due ? `，最迟 ${p.due}` : ''}）`,
  closureWithoutNotice: (p: { type: 'suspended' | 'deregistered'; date: string }) =>
    `${p.date} ${p.type === 'suspended' ? STATUS_NAMES.suspended : STATUS_NAMES.deregistered}，没有填写停更公告链接`,
  absent: (p: { date: string }) => `没有出现在 ${p.date} 的巡查记录中`,
} as const;

/** `2026-11-30`, `2026-11-16（已逾期）` (given "today"), `2026-11-30（建议，下次巡查）` or `—`. */
export function dueText(due: string | null, recorded: boolean, asOf?: string): string {
  if (!due) return '—';
  if (!recorded) return `${due}（建议，下次巡查）`;
  return asOf && due < asOf ? `${due}（已逾期）` : due;
}

/** A share as a percentage with one decimal: `97.8%`; `—` for no denominator. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const value = Math.round((part / whole) * 1000) / 10;
  return `${value}%`;
}
