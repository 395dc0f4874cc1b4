/**
 * Small pieces shown both by the Astro components (src/components/) and by the string renderers
 * of the bulk routes (src/site/render/): one source for each, as plain text and attributes that
 * either side puts into its own markup.
 */
import { STATUS_NAMES, type Account, type AccountStatus, type Registry } from '../lib/model.ts';

/** Name of a platform (its id when the catalogue does not know it). */
export function platformName(registry: Registry, platform: string): string {
  return registry.platformById.get(platform)?.name ?? platform;
}

/** Name of a unit (its id when the registry does not know it). */
export function unitName(registry: Registry, unit: string): string {
  return registry.unitById.get(unit)?.name ?? unit;
}

/** What the coloured status badge of an account (在用 / 已关停 / 已注销) shows: its class attribute and text. */
export interface StatusBadge {
  /** `badge active`, `badge suspended`, `badge deregistered` (styled in src/styles/). */
  class: string;
  /** The status in Chinese. */
  text: string;
}

/** The status badge of an account (src/components/StatusBadge.astro, src/site/render/account.ts). */
export function statusBadge(status: AccountStatus): StatusBadge {
  return { class: `badge ${status}`, text: STATUS_NAMES[status] };
}

/** A phone number as a `tel:` link (digits and `+` only; the page shows the number as written). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * How many of `accounts` are in use and how many closed, as a unit or platform lists them:
 * `在用账号 3 个，已停用 1 个` (the closed part only when there are any).
 */
export function accountCounts(accounts: readonly Account[]): string {
  const active = accounts.filter((a) => a.status === 'active').length;
  const closed = accounts.length - active;
  return `在用账号 ${active} 个${closed > 0 ? `，已停用 ${closed} 个` : ''}`;
}
