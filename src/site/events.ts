/** How a lifecycle event reads in the change list and the Atom feed (plain text; pages escape it). */
import type { Account, Registry } from '../lib/model.ts';
import { EVENT_TYPES, type AccountEvent } from '../lib/schema/account.ts';
import { platformName } from './labels.ts';

export interface EventSummary {
  /** `开设`, `变更`, `关停`… */
  title: string;
  /** What changed, the notice, the successor, the remark (may be empty). */
  detail: string;
}

/** Summary of one event of an account. */
export function eventSummary(registry: Registry, event: AccountEvent): EventSummary {
  const parts: string[] = [];
  if (event.type === 'changed') {
    if (event.previous_name) parts.push(`原名称：${event.previous_name}`);
    if (event.previous_handle) parts.push(`原账号 ID：${event.previous_handle}`);
    if (event.previous_verified_as !== undefined) parts.push(`原认证主体：${event.previous_verified_as ?? '未认证'}`);
  }
  if (event.type === 'suspended' || event.type === 'deregistered') {
    if (!event.notice_url) parts.push('未发布停更公告');
    if (event.successor) {
      const successor = registry.accountById.get(event.successor);
      parts.push(`接替账号：${successor ? `${successor.name}（${platformName(registry, successor.platform)}）` : event.successor}`);
    }
  }
  if (event.note) parts.push(event.note);
  return { title: EVENT_TYPES[event.type], detail: parts.join('；') };
}

/** One-line title of an event for the feed: `开设：东乡教育（微信公众号）`. */
export function eventTitle(registry: Registry, account: Account, event: AccountEvent): string {
  return `${EVENT_TYPES[event.type]}：${account.name}（${platformName(registry, account.platform)}）`;
}
