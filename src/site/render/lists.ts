/**
 * Lists shown on many pages, rendered as escaped HTML strings (src/site/html.ts): accounts as
 * stacked lines (readable at 320 px, unlike a five-column table), units with their account
 * counts, status badges.
 */
import { STATUS_NAMES, type Account, type AccountStatus, type Registry, type Unit } from '../../lib/model.ts';
import { eventSummary } from '../events.ts';
import { html, safeUrl, type SafeHtml } from '../html.ts';
import { accountHref, unitHref } from '../url.ts';
import type { LifecycleEvent } from '../views.ts';

/** The status of an account as a coloured badge: 在用 / 已关停 / 已注销. */
export function statusBadge(status: AccountStatus): SafeHtml {
  return html`<span class="badge ${status}">${STATUS_NAMES[status]}</span>`;
}

/** Name of a platform (its id when the catalogue does not know it). */
export function platformName(registry: Registry, platform: string): string {
  return registry.platformById.get(platform)?.name ?? platform;
}

export interface AccountListOptions {
  /** Show the unit of each account. */
  showUnit?: boolean;
  /** Show the closure day, notice and successor of closed accounts. */
  showClosure?: boolean;
}

/** One account as a list item. */
export function accountItem(registry: Registry, a: Account, { showUnit = false, showClosure = false }: AccountListOptions = {}): SafeHtml {
  const platform = registry.platformById.get(a.platform);
  const successor = a.successor ? registry.accountById.get(a.successor) : undefined;
  const unit = showUnit
    ? html`<span class="entry-line">主办单位：<a href="${unitHref(a.unit)}">${registry.unitById.get(a.unit)?.name ?? a.unit}</a></span>`
    : '';
  const closure =
    showClosure && a.closed
      ? html`<span class="entry-line">${a.status === 'suspended' ? '关停' : '注销'}于 <time>${a.closed}</time>　${
          a.closureNotice
            ? html`<a href="${safeUrl(a.closureNotice)}" rel="noopener noreferrer">停更公告</a>`
            : html`<span class="muted">未发布停更公告</span>`
        }${successor ? html`　接替账号：<a href="${accountHref(successor.id)}">${successor.name}</a>` : ''}</span>`
      : '';
  return html`<li><a class="entry-title" href="${accountHref(a.id)}">${a.name}</a> ${statusBadge(a.status)}<span class="entry-line">${platform?.name ?? a.platform} · ${platform?.handle_label ?? '账号 ID'} <span class="mono">${a.handle}</span></span>${unit}${closure}</li>`;
}

/** A list of accounts. */
export function accountList(registry: Registry, accounts: readonly Account[], options: AccountListOptions = {}): SafeHtml {
  return html`<ul class="entries">${accounts.map((a) => accountItem(registry, a, options))}</ul>`;
}

/** A list of units: name, parent township for villages, numbers of accounts in use and closed. */
export function unitList(registry: Registry, units: readonly Unit[]): SafeHtml {
  const items = units.map((u) => {
    const accounts = registry.accountsByUnit.get(u.id) ?? [];
    const active = accounts.filter((a) => a.status === 'active').length;
    const closed = accounts.length - active;
    const parent = u.parent ? registry.unitById.get(u.parent) : undefined;
    return html`<li><a class="entry-title" href="${unitHref(u.id)}">${u.name}</a><span class="entry-line muted">${parent ? `${parent.short_name ?? parent.name} · ` : ''}在用账号 ${active} 个${closed > 0 ? `，已停用 ${closed} 个` : ''}</span></li>`;
  });
  return html`<ul class="entries units">${items}</ul>`;
}

/** Lifecycle events as list items: day and type, account and unit, what changed, filing day. */
export function eventList(registry: Registry, events: readonly LifecycleEvent[]): SafeHtml {
  const items = events.map(({ account, event }) => {
    const summary = eventSummary(registry, event);
    return html`<li><span class="entry-line"><time>${event.date}</time> <strong>${summary.title}</strong></span><span class="entry-line"><a href="${accountHref(account.id)}">${account.name}</a>（${platformName(registry, account.platform)}）· <a href="${unitHref(account.unit)}">${registry.unitById.get(account.unit)?.name ?? account.unit}</a></span>${
      summary.detail ? html`<span class="entry-line muted">${summary.detail}</span>` : ''
    }<span class="entry-line muted">备案日期 <time>${event.filed}</time></span></li>`;
  });
  return html`<ul class="entries changes">${items}</ul>`;
}
