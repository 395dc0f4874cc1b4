/**
 * Links inside the site, under the configured `base` (for GitHub Pages project sites).
 *
 * In a build or dev server the base is the one the integration published with the registry
 * (src/integration/store.mjs): Astro resolves `import.meta.env.BASE_URL` from the process
 * environment at render time, where a stray `BASE_URL` variable (test runners set one) would win
 * over the configured base. In the browser (the verify page imports this module) nothing is
 * published: Vite's own base applies.
 */
import { publishedBase } from '../integration/registry-store.ts';

function base(): string {
  return (publishedBase() ?? import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
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
