/**
 * Links inside the site for the build and the dev server (src/shared/url.ts bound to this build's base).
 *
 * The base is the one the integration published with the registry (src/integration/store.mjs):
 * Astro resolves `import.meta.env.BASE_URL` from the process environment at render time, where a
 * stray `BASE_URL` variable (test runners set one) would win over the configured base. The browser
 * binds Vite's base itself (src/client/verify.ts).
 */
import { publishedBase } from '../integration/registry-store.ts';
import { siteLinks } from '../shared/url.ts';

export const { href, unitHref, accountHref, platformHref } = siteLinks(() => publishedBase() ?? import.meta.env?.BASE_URL ?? '/');
