/**
 * The registry as the site sees it: loaded once per build through the one loader, from
 * `REGISTRY_DATA` (default `data`), evaluated at `REGISTRY_AS_OF` (default today in China) so a
 * build of the same data at the same date is reproducible. A registry with errors is refused:
 * nothing invalid is ever published.
 *
 * `buildSite` has already loaded and validated the registry before it starts Astro in the same
 * process; it hands the model over (`shareRegistry`) so a large registry is not read twice.
 */
import path from 'node:path';
import { todayInChina } from '../lib/dates.ts';
import type { Account, Registry } from '../lib/model.ts';
import { loadRegistry } from '../lib/registry.ts';
import { SHELL_ID } from './shell.ts';

let cached: Registry | undefined;

/** Where a registry loaded before Astro started waits (Astro's bundled modules are separate instances of this one). */
const SHARED = Symbol.for('gov-newmedia-registry.site-registry');

interface Shared {
  dataDir: string;
  asOf: string;
  registry: Registry;
  /**
   * The bulk routes (account pages, filing forms, posters, verify shards) are written by
   * src/site/bulk.ts after Astro: Astro renders only one shell page of each (see `bulkShells`).
   */
  bulk?: boolean;
}

/** Values derived from a registry, shared by every module instance in the process (Astro bundles its own copies of these modules). */
const DERIVED = Symbol.for('gov-newmedia-registry.site-derived');

/** `compute(registry)` once per registry and name, whichever module instance asks first. */
export function derived<T>(name: string, registry: Registry, compute: (registry: Registry) => T): T {
  const global = globalThis as Record<symbol, Map<string, WeakMap<Registry, unknown>> | undefined>;
  const all = (global[DERIVED] ??= new Map());
  let map = all.get(name);
  if (!map) all.set(name, (map = new WeakMap()));
  if (map.has(registry)) return map.get(registry) as T;
  const value = compute(registry);
  map.set(registry, value);
  return value;
}

/** Whether this build renders the bulk routes outside Astro (src/site/bulk.ts): their pages then render one shell each. */
export function bulkShells(): boolean {
  const shared = (globalThis as Record<symbol, Shared | undefined>)[SHARED];
  return shared?.bulk === true && shared.dataDir === dataDir() && shared.asOf === buildDate();
}

/**
 * The paths of the per-account routes (account page, filing form): every account, or only the
 * shell page when src/site/bulk.ts writes the pages (see bulkShells).
 */
export function accountPaths(): { params: { unit: string; slug: string }; props: { account: Account | null } }[] {
  if (bulkShells()) return [{ params: { unit: SHELL_ID, slug: SHELL_ID }, props: { account: null } }];
  return siteRegistry().accounts.map((account) => ({ params: { unit: account.unit, slug: account.slug }, props: { account } }));
}

/** The data directory the site is built from. */
export function dataDir(): string {
  return path.resolve(process.env.REGISTRY_DATA ?? 'data');
}

/** "Today" of the build. */
export function buildDate(): string {
  return process.env.REGISTRY_AS_OF ?? todayInChina();
}

/** Offers a registry already loaded (without errors) from `dataDir` at `asOf` to the pages of the next build; null withdraws it. */
export function shareRegistry(shared: Shared | null): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = shared ?? undefined;
}

/** The registry the pages are built from. */
export function siteRegistry(): Registry {
  const shared = (globalThis as Record<symbol, Shared | undefined>)[SHARED];
  if (shared && shared.dataDir === dataDir() && shared.asOf === buildDate()) return shared.registry;
  if (cached && cached.dataDir === dataDir() && cached.asOf === buildDate()) return cached;
  const result = loadRegistry(dataDir(), { asOf: buildDate() });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.registry || errors.length > 0) {
    const list = errors
      .slice(0, 20)
      .map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`)
      .join('\n');
    throw new Error(`数据目录 ${dataDir()} 有 ${errors.length} 个错误，不能发布。请先运行 npm run validate 并改正：\n${list}`);
  }
  cached = result.registry;
  return cached;
}
