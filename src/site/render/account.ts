/**
 * The account page (`/units/<unit>/<slug>/`) as escaped HTML strings: what a citizen checks. A
 * verdict first (official and in use, closed with the successor to follow, known impostors),
 * then the filing — platform, handle, identifiers, official link, verification subject, purpose,
 * operation — and the lifecycle with former names. What the office checks (compliance status from
 * src/site/render/compliance.ts: working days used for filings, inspections) comes last, in a
 * collapsed details section. Handles and links carry `data-copy`: src/client/copy.ts adds copy
 * buttons (WeChat users paste them into the platform's app).
 */
import type { Compliance } from '../../lib/compliance/engine.ts';
import { proofFact, proofSentence } from '../../lib/facts/proof.ts';
import type { Account, Registry } from '../../lib/model.ts';
import { EVENT_TYPES } from '../../lib/schema/account.ts';
import { FINDINGS } from '../../lib/schema/inspection.ts';
import { html, join, safeUrl, type SafeHtml } from '../html.ts';
import { platformName, statusBadge } from '../labels.ts';
import { impostorHref } from '../links.ts';
import { accountHref, href, platformHref, unitHref } from '../url.ts';
import { views } from '../views.ts';
import { accountCompliance } from './compliance.ts';

/** The two-way proof of an account in use: where it states its filing number and when that was last checked (null otherwise). */
function accountProof(registry: Registry, account: Account): SafeHtml | '' {
  if (account.status !== 'active') return '';
  const fact = proofFact(account, registry.inspections, registry.policy, registry.asOf);
  const sentence = proofSentence(fact, account.filing_number, registry.policy.proof_stale_days);
  if (!sentence) return '';
  const shown = fact.text && !fact.lost ? html`<p class="proof-text">账号上显示：「${fact.text}」</p>` : '';
  return html`<div class="proof" data-proof="${fact.state}"><p>${sentence}</p>${shown}</div>`;
}

/** Breadcrumb, title and verdicts. */
export function accountHead(registry: Registry, account: Account): SafeHtml {
  const unit = registry.unitById.get(account.unit)!;
  const platform = registry.platformById.get(account.platform);
  const successor = account.successor ? registry.accountById.get(account.successor) : undefined;
  const impostors = views(registry).impostorsByTarget.get(account.id) ?? [];
  const badge = statusBadge(account.status);
  const verdict =
    account.status === 'active'
      ? html`<div class="verdict official"><p><strong>这是${unit.name}开设的政务新媒体账号，已备案，正在使用。</strong></p><p>请核对平台上显示的${platform?.handle_label ?? '账号 ID'}和认证主体与下表一致。</p>${accountProof(registry, account)}</div>`
      : html`<div class="verdict closed"><p><strong>该账号已于 <time>${account.closed}</time> ${account.status === 'suspended' ? '关停' : '注销'}，不再发布政务信息。</strong></p>${
          successor
            ? html`<p>请关注接替它的账号：<a href="${accountHref(successor.id)}">${successor.name}</a>（${platformName(registry, successor.platform)}）。</p>`
            : ''
        }${account.closureNotice ? html`<p><a href="${safeUrl(account.closureNotice)}" rel="noopener noreferrer">查看停更公告</a></p>` : html`<p class="muted">未登记停更公告。</p>`}<p>如在平台上看到同名账号仍在发布内容，请向主管单位举报。</p></div>`;
  const warning = impostors.length
    ? html`<div class="verdict warning"><p><strong>已发现冒充该账号的仿冒账号，请注意辨别：</strong></p><ul>${impostors.map(
        (i) =>
          html`<li><a href="${impostorHref(registry, i.id)}">${i.name}</a>（${platformName(registry, i.platform)}${i.handle ? html`，<span class="mono">${i.handle}</span>` : ''}）${i.removed ? `已于 ${i.removed} 被平台处置` : '仍在线'}</li>`,
      )}</ul></div>`
    : '';
  return html`<p class="breadcrumb"><a href="${href('/units/')}">单位</a> › <a href="${unitHref(unit.id)}">${unit.name}</a> › ${platform?.name ?? account.platform}</p><h1>${account.name} <span class="${badge.class}">${badge.text}</span></h1>${verdict}${warning}`;
}

/** Platforms whose links WeChat's in-app browser does not open: the page says to copy the link into the app. */
const WECHAT_BLOCKED: ReadonlySet<string> = new Set(['douyin', 'kuaishou']);

/** A value with a copy button (added by src/client/copy.ts; without JavaScript the text can be selected). */
function copyable(value: SafeHtml | string, what: string): SafeHtml {
  return html`<span class="mono" data-copy="${what}">${value}</span>`;
}

function field(label: string, value: unknown, className = ''): SafeHtml {
  return html`<dt>${label}</dt><dd${className ? html` class="${className}"` : ''}>${value}</dd>`;
}

/** The lifecycle as filed: each event with its day, filing day and what changed. */
export function timeline(registry: Registry, account: Account): SafeHtml {
  const items = account.events.map((e, i) => {
    const lines: SafeHtml[] = [];
    if (e.type === 'changed') {
      if (e.previous_name) lines.push(html`<p>原名称：${e.previous_name}</p>`);
      if (e.previous_handle) lines.push(html`<p>原账号 ID：<span class="mono">${e.previous_handle}</span></p>`);
      if (e.previous_verified_as !== undefined) lines.push(html`<p>原认证主体：${e.previous_verified_as ?? '未认证'}</p>`);
    }
    if (e.type === 'suspended' || e.type === 'deregistered') {
      lines.push(
        html`<p>停更公告：${e.notice_url ? html`<a href="${safeUrl(e.notice_url)}" rel="noopener noreferrer">打开停更公告</a>` : html`<span class="muted">未发布</span>`}</p>`,
      );
      if (e.successor) {
        const successor = registry.accountById.get(e.successor);
        lines.push(html`<p>接替账号：${successor ? html`<a href="${accountHref(successor.id)}">${successor.name}</a>` : e.successor}</p>`);
      }
    }
    if (e.note) lines.push(html`<p>备注：${e.note}</p>`);
    return html`<li class="event ${e.type}" id="event-${i + 1}"><p class="event-head"><strong>${EVENT_TYPES[e.type]}</strong>　<time>${e.date}</time></p><p class="muted">备案日期：<time>${e.filed}</time></p>${lines}</li>`;
  });
  return html`<ol class="timeline">${items}</ol>`;
}

/**
 * The account's link on its platform. A deregistered account's old link is shown as text (it no
 * longer leads to an official account); links WeChat does not open say to copy them into the app.
 */
function accountLink(account: Account, platform: string, label: string): SafeHtml {
  if (!account.url) return html`<span class="muted">该平台没有公开网页，请在${platform}内搜索${label}</span>`;
  if (account.status === 'deregistered')
    return html`<span class="mono">${account.url}</span><span class="entry-line muted">账号已注销，这个旧链接不再指向官方账号。</span>`;
  const link = html`<a class="mono" href="${safeUrl(account.url)}" rel="noopener noreferrer" data-copy="链接">${account.url}</a>`;
  return WECHAT_BLOCKED.has(account.platform)
    ? html`${link}<span class="entry-line muted">在微信里打不开${platform}链接：请复制链接，到${platform} App 或浏览器中打开。</span>`
    : link;
}

/** The filing, the lifecycle, the latest inspection and the page's actions. */
export function accountBody(registry: Registry, account: Account, compliance: SafeHtml | '' = ''): SafeHtml {
  const v = views(registry);
  const unit = registry.unitById.get(account.unit)!;
  const platform = registry.platformById.get(account.platform);
  const name = platform?.name ?? account.platform;
  const label = platform?.handle_label ?? '账号 ID';
  const predecessors = v.predecessors.get(account.id) ?? [];
  const latest = v.latestCheck.get(account.id);
  const former = (values: Account['formerNames'], mono: boolean) =>
    join(
      values.map((f) => html`${mono ? html`<span class="mono">${f.value}</span>` : f.value}<span class="muted">（${f.until} 前）</span>`),
      '、',
    );
  const fields = [
    field(
      '备案编号',
      account.filing_number
        ? html`<span class="mono">${account.filing_number}</span>${account.status === 'active' ? '' : html`<span class="muted">（账号已${account.status === 'suspended' ? '关停' : '注销'}，编号保留，不再使用）</span>`}`
        : html`<span class="muted">尚未编号</span>`,
    ),
    field('账号名称', account.name),
    account.formerNames.length ? field('曾用名', former(account.formerNames, false)) : '',
    field('平台', html`<a href="${platformHref(account.platform)}">${name}</a>`),
    field(label, copyable(account.handle, label)),
    account.formerHandles.length ? field('原账号 ID', former(account.formerHandles, true)) : '',
    account.identifiers.length
      ? field('其他标识', html`<ul class="plain">${account.identifiers.map((id) => html`<li>${copyable(id, '标识')}</li>`)}</ul>`)
      : '',
    field('账号链接', accountLink(account, name, label)),
    field('认证主体', account.verified_as ?? html`<span class="muted">未认证</span>`),
    field('主办单位', html`<a href="${unitHref(unit.id)}">${unit.name}</a>`),
    field('功能定位', account.purpose, 'pre'),
    field('运维方式', account.operation === 'self' ? '自行运维' : `委托第三方运维${account.operator ? `（${account.operator}）` : ''}`),
    field('开设日期', html`<time>${account.opened}</time>`),
    account.waiver
      ? field(
          '例外批准',
          `同一平台第二个账号，经${account.waiver.approved_by}于 ${account.waiver.approved_on} 批准：${account.waiver.reason}`,
        )
      : '',
    predecessors.length
      ? field(
          '接替了',
          join(
            predecessors.map((p) => html`<a href="${accountHref(p.id)}">${p.name}</a>（${platformName(registry, p.platform)}）`),
            '、',
          ),
        )
      : '',
  ];
  const inspection = latest
    ? html`<dl class="fields">${[
        field('巡查日期', html`<time>${latest.date}</time>`),
        field('最近更新', latest.check.last_post ? html`<time>${latest.check.last_post}</time>` : '从未发布'),
        field('巡查结果', latest.check.findings.length === 0 ? '未发现问题' : latest.check.findings.map((f) => FINDINGS[f]).join('、')),
        latest.rectifications.map((r) =>
          field(
            '整改要求',
            `${FINDINGS[r.issue as keyof typeof FINDINGS] ?? r.issue}，期限 ${r.due}，${r.resolved ? `已于 ${r.resolved} 完成` : '尚未完成'}`,
          ),
        ),
      ]}</dl>`
    : html`<p class="muted">${account.status === 'active' ? '尚无该账号的巡查记录。' : '该账号已停用，不再参加巡查。'}</p>`;
  return html`<h2>备案信息</h2><dl class="fields">${fields}</dl><h2>备案记录</h2>${timeline(registry, account)}<details class="filing-details"><summary>巡查与合规情况（备案用时、巡查结果）</summary>${compliance}<h2>最近一次巡查</h2>${inspection}</details><p class="actions no-print"><a href="${href(`/units/${account.id}/form/`)}">打印备案登记表</a><a href="${href('/verify/')}">核验其他账号</a></p>`;
}

/** Title of an account page. */
export function accountTitle(registry: Registry, account: Account): string {
  return `${account.name}（${platformName(registry, account.platform)}）`;
}

/** Meta description of an account page. */
export function accountDescription(registry: Registry, account: Account): string {
  return `${registry.unitById.get(account.unit)!.name}在${platformName(registry, account.platform)}开设的政务新媒体账号“${account.name}”的备案信息`;
}

/** The whole content of an account page. */
export function accountPage(registry: Registry, compliance: Compliance, account: Account): SafeHtml {
  return html`${accountHead(registry, account)}
${accountBody(registry, account, accountCompliance(compliance, account.id))}`;
}
