/**
 * Links inside the site, under the configured `base` (for GitHub Pages project sites).
 *
 * The base comes from `REGISTRY_BASE`, which `buildSite` sets for the build it runs, and
 * otherwise from Astro (`import.meta.env.BASE_URL`, for a plain `astro build`): Astro resolves
 * that one from the process environment at render time, where a stray `BASE_URL` variable (test
 * runners set one) would otherwise win over the configured base. In the browser (the verify
 * page imports this module) there is no process: Vite's own base applies.
 */

function base(): string {
  const fromBuild = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.REGISTRY_BASE;
  return (fromBuild ?? import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
}

/** `/units/x/` → `<base>units/x/`. */
export function href(path: string): string {
  return base() + path.replace(/^\//, '');
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
