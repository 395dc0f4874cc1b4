/** Links inside the site, under the configured `base` (for GitHub Pages project sites). */

const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `/units/x/` → `<base>units/x/`. */
export function href(path: string): string {
  return BASE + path.replace(/^\//, '');
}

export function unitHref(unit: string): string {
  return href(`/units/${unit}/`);
}

export function accountHref(accountId: string): string {
  return href(`/units/${accountId}/`);
}

export function platformHref(platform: string): string {
  return href(`/platforms/${platform}/`);
}
