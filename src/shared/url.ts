/**
 * Links inside the site, under a deployment sub-path (`base`, for GitHub Pages project sites).
 *
 * The base comes from the caller: the build binds the base it published with the registry
 * (src/site/url.ts), the browser the base Vite compiled into the bundle (src/client/verify.ts).
 * It is read on every call, so a binding may look it up lazily.
 */

/** The site's link builders under one base. */
export interface SiteLinks {
  /** `/units/x/` → `<base>units/x/`. */
  href(path: string): string;
  /** A unit's page. */
  unitHref(unit: string): string;
  /** An account's page (`<unit>/<slug>`). */
  accountHref(accountId: string): string;
  /** A platform's list of accounts. */
  platformHref(platform: string): string;
}

/** Link builders under the base `base()` returns (with or without its trailing slash). */
export function siteLinks(base: () => string): SiteLinks {
  const href = (path: string) => base().replace(/\/?$/, '/') + path.replace(/^\//, '');
  return {
    href,
    unitHref: (unit) => href(`/units/${unit}/`),
    accountHref: (accountId) => href(`/units/${accountId}/`),
    platformHref: (platform) => href(`/platforms/${platform}/`),
  };
}
