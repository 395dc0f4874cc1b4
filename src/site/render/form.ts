/**
 * The printable 政务新媒体备案登记表 of an account as an escaped HTML string: unit, account,
 * platform, handle, URL, verification subject, purpose, operation, events, a box for the seal
 * and the date. src/styles/form.css fits it on one A4 page; a very long history prints its
 * latest events and says how many are left out.
 */
import type { Account, Registry } from '../../lib/model.ts';
import { EVENT_TYPES } from '../../lib/schema/account.ts';
import { html, type SafeHtml } from '../html.ts';
import { platformName } from '../labels.ts';
import { accountHref } from '../url.ts';

/** Events that fit on the page with the rest of the form. */
export const FORM_MAX_EVENTS = 10;

function eventDetail(registry: Registry, e: Account['events'][number]): string {
  const parts: string[] = [];
  if (e.type === 'changed') {
    if (e.previous_name) parts.push(`原名称：${e.previous_name}`);
    if (e.previous_handle) parts.push(`原账号 ID：${e.previous_handle}`);
    if (e.previous_verified_as !== undefined) parts.push(`原认证主体：${e.previous_verified_as ?? '未认证'}`);
  }
  if (e.type === 'suspended' || e.type === 'deregistered') {
    parts.push(e.notice_url ? `停更公告：${e.notice_url}` : '未发布停更公告');
    if (e.successor) parts.push(`接替账号：${registry.accountById.get(e.successor)?.name ?? e.successor}`);
  }
  if (e.note) parts.push(e.note);
  return parts.join('；');
}

/** Title of the form page. */
export function formTitle(registry: Registry, account: Account): string {
  return `备案登记表：${account.name}（${platformName(registry, account.platform)}）`;
}

/** The whole form page body. */
export function filingForm(registry: Registry, account: Account): SafeHtml {
  const unit = registry.unitById.get(account.unit)!;
  const platform = registry.platformById.get(account.platform);
  const name = platformName(registry, account.platform);
  const events = account.events.slice(-FORM_MAX_EVENTS);
  const omitted = account.events.length - events.length;
  const row = (label: string, value: unknown, className = '') =>
    html`<tr><th scope="row">${label}</th><td colspan="3"${className ? html` class="${className}"` : ''}>${value}</td></tr>`;
  const contact = [unit.contact.phone, unit.contact.email].filter(Boolean).join('　') || '未登记';
  return html`<p class="no-print"><a href="${accountHref(account.id)}">‹ 返回${account.name}（${name}）</a></p>
<p class="no-print muted">本表由名录数据生成。请用浏览器的“打印”功能（电脑按 Ctrl+P）打印在一张 A4 纸上，加盖单位公章后报送。</p>
<article class="filing-form"><h1>政务新媒体备案登记表</h1>${registry.site.sample ? html`<p class="form-sample">（示例数据，不能作为正式备案材料）</p>` : ''}<p class="form-meta"><span>备案编号：<span class="mono">${account.filing_number ?? '（尚未编号）'}</span></span><span>账号编号：<span class="mono">${account.id}</span></span><span>数据截至：${registry.asOf}</span></p>
<table class="form-table"><tbody>${row('主办单位', unit.name)}<tr><th scope="row">账号名称</th><td>${account.name}</td><th scope="row">平台</th><td>${name}</td></tr><tr><th scope="row">${platform?.handle_label ?? '账号 ID'}</th><td class="mono">${account.handle}</td><th scope="row">开设日期</th><td>${account.opened}</td></tr>${row(
    '其他标识',
    account.identifiers.length ? account.identifiers.join('　') : '无',
    'mono',
  )}${row('账号链接', account.url ?? '该平台没有公开网页', 'mono')}${row('认证主体', account.verified_as ?? '未认证')}${row('功能定位', account.purpose)}${row(
    '运维方式',
    account.operation === 'self' ? '自行运维' : `委托第三方运维：${account.operator ?? '（未填写运维单位）'}`,
  )}${account.waiver ? row('例外批准', `${account.waiver.approved_by}于 ${account.waiver.approved_on} 批准：${account.waiver.reason}`) : ''}${row('单位联系方式', contact)}</tbody></table>
<h2>备案事项</h2><table class="form-table events"><thead><tr><th scope="col">事项</th><th scope="col">发生日期</th><th scope="col">备案日期</th><th scope="col">说明</th></tr></thead><tbody>${
    omitted > 0 ? html`<tr><td colspan="4">另有 ${omitted} 项较早的事项，见名录网站。</td></tr>` : ''
  }${events.map((e) => html`<tr><td>${EVENT_TYPES[e.type]}</td><td>${e.date}</td><td>${e.filed}</td><td>${eventDetail(registry, e)}</td></tr>`)}</tbody></table>
<div class="form-sign"><div class="seal-box"><p>主办单位（盖章）</p><p class="seal-space" aria-hidden="true"></p><p>年　　月　　日</p></div><div class="seal-box"><p>县政府信息中心审核意见</p><p class="seal-space" aria-hidden="true"></p><p>年　　月　　日</p></div></div>
<p class="form-note">填报说明：账号开设、变更、关停、注销须在 ${registry.policy.filing_deadline_working_days} 个工作日内备案；严禁以个人名义注册单位账号。</p></article>`;
}
