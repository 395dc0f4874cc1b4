/**
 * The registry as the pages see it. The integration (src/integration/index.ts) has loaded and
 * validated it once, from the data folder and at the date of its settings (the virtual module
 * `virtual:gov-registry/settings`), and published it (src/integration/store.mjs); `astro dev`
 * publishes it again whenever a data file changes. Only the pages and components import this
 * module: it exists inside Astro's bundle only.
 */
import settings from 'virtual:gov-registry/settings';
import { publishedRegistry, publishRegistry } from '../integration/registry-store.ts';
import type { Compliance } from '../lib/compliance/engine.ts';
import type { Account, Registry } from '../lib/model.ts';
import { loadRegistry } from '../lib/registry.ts';
import type { VerifyIndex } from '../lib/verify/build.ts';
import { complianceOf } from './compliance.ts';
import { SHELL_ID } from './shell.ts';
import { verifyIndexOf } from './verify-index.ts';

/** The settings of this build or dev server (data folder, date, public address, base, bulk). */
export const siteSettings = settings;

/**
 * The registry the pages are built from: the one the integration published. Should Astro have
 * loaded its configuration through Vite (it does when Node cannot import it directly: keep to
 * erasable TypeScript, `erasableSyntaxOnly` in tsconfig.json), the integration's store is another
 * module instance than this one; the registry is then loaded here a second time.
 */
export function siteRegistry(): Registry {
  const registry = publishedRegistry(settings.dataDir, settings.asOf) as Registry | undefined;
  if (registry) return registry;
  const loaded = loadRegistry(settings.dataDir, { asOf: settings.asOf });
  if (!loaded.ok || !loaded.registry) throw new Error(`名录数据（${settings.dataDir}）有错误，不能发布。请运行 npm run validate。`);
  publishRegistry({ dataDir: settings.dataDir, asOf: settings.asOf, base: settings.base, registry: loaded.registry });
  return loaded.registry;
}

/** The compliance model of the registry being built. */
export function siteCompliance(): Compliance {
  return complianceOf(siteRegistry());
}

/** The verify index of the registry being built. */
export function siteVerifyIndex(): VerifyIndex {
  return verifyIndexOf(siteRegistry());
}

/**
 * Whether the bulk routes (account pages, filing forms, posters, verify shards) are written by
 * src/site/bulk.ts after Astro (in a build): their Astro routes then render one shell page each.
 * `astro dev` renders every page of them on request, from the same renderers.
 */
export function bulkShells(): boolean {
  return settings.bulk;
}

/** The paths of the per-account routes (account page, filing form): every account, or only the shell page (see bulkShells). */
export function accountPaths(): { params: { unit: string; slug: string }; props: { account: Account | null } }[] {
  if (bulkShells()) return [{ params: { unit: SHELL_ID, slug: SHELL_ID }, props: { account: null } }];
  return siteRegistry().accounts.map((account) => ({ params: { unit: account.unit, slug: account.slug }, props: { account } }));
}
