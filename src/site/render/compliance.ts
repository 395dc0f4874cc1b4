/**
 * The compliance status of an account page as an escaped HTML string: one line (level, latest
 * inspection, verification, filing timeliness), then each open problem with its evidence and due
 * date. Styles in src/components/compliance/compliance.css.
 */
import type { AccountCompliance, Compliance, LatestCheck } from '../../lib/compliance/engine.ts';
import { GRADING_ITEM } from '../../lib/compliance/grading.ts';
import { dueText, lastPostText } from '../../lib/compliance/text.ts';
import { STATUS_NAMES, type Account } from '../../lib/model.ts';
import { FINDINGS } from '../../lib/schema/inspection.ts';
import { html, type SafeHtml } from '../html.ts';
import { href } from '../url.ts';

const LEVEL_NAMES = { ok: '正常', attention: '需关注', fail: '单项否决', closed: '' } as const;
const VERIFICATION = {
  verified: '已认证为本单位',
  unverified: '未认证',
  mismatch: '认证主体与单位名称不符',
  person: '认证主体像是个人姓名',
} as const;

function latestText(a: AccountCompliance, latest: LatestCheck, raw: Account): string {
  switch (latest.kind) {
    case 'checked':
      return `${latest.date} 巡查：最近更新 ${lastPostText(latest.check.last_post, raw.opened)}，距巡查 ${latest.days} 天`;
    case 'absent':
      return `未纳入 ${latest.date} 的巡查`;
    case 'not-due':
      return `${raw.opened} 开设，待下次巡查`;
    case 'closed':
      return a.closure ? `${a.closure.date} ${STATUS_NAMES[a.status]}，不再巡查` : `${latest.date} 巡查时不在用`;
    case 'none':
      return '尚无巡查记录';
  }
}

/** The compliance section of an account (`<unit>/<slug>`); empty when the model has no entry for it. */
export function accountCompliance(compliance: Compliance, account: string): SafeHtml | '' {
  const ac = compliance.accounts.get(account);
  const raw = compliance.registry.accountById.get(account);
  if (!ac || !raw) return '';
  const checkedFilings = ac.filings.filter((f) => f.status !== 'exempt');
  const late = checkedFilings.filter((f) => f.status === 'late').length;
  const exempt = ac.filings.length - checkedFilings.length;
  const filingText =
    checkedFilings.length === 0
      ? '备案早于时限施行日（不检查时限）'
      : late === 0
        ? `备案及时（${checkedFilings.length} 项）`
        : `备案超期 ${late} 项（共 ${checkedFilings.length} 项）`;
  const mentioned = new Set(ac.issues.filter((i) => i.dueRecorded).map((i) => i.due));
  const otherOpen = ac.openRectifications.filter((r) => r.state === 'open' && !mentioned.has(r.rectification.due));
  // The account page has one such section: a short id is unique there.
  const headingId = 'compliance';
  const level = ac.level === 'closed' ? STATUS_NAMES[ac.status] : LEVEL_NAMES[ac.level];
  const issues = ac.issues.length
    ? html`<ul class="issues" aria-label="存在的问题">${ac.issues.map(
        (issue) =>
          html`<li data-kind="${issue.kind}"><strong>${GRADING_ITEM[issue.kind].title}</strong>：${issue.evidence}${issue.due ? `；整改期限 ${dueText(issue.due, issue.dueRecorded, compliance.asOf)}` : ''}</li>`,
      )}</ul>`
    : '';
  const open = otherOpen.length
    ? html`<p>整改中：${otherOpen.map((r) => `${FINDINGS[r.rectification.issue]}（${r.inspection.date} 巡查提出，期限 ${r.rectification.due}）`).join('；')}</p>`
    : '';
  return html`<section class="compliance-status" data-account="${account}" data-level="${ac.level}" aria-labelledby="${headingId}"><h2 id="${headingId}">合规状况</h2><p class="compliance-line"><strong class="level level-${ac.level}">${level}</strong> · ${latestText(ac, ac.latest, raw)}${
    ac.status !== 'deregistered' ? ` · ${VERIFICATION[ac.verification]}` : ''
  } · ${filingText}${exempt > 0 && checkedFilings.length > 0 ? `（另有 ${exempt} 项早于施行日）` : ''}</p>${issues}${open}<p class="muted"><a href="${href('/compliance/rules/')}">合规评价规则</a></p></section>`;
}
