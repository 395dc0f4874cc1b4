/**
 * The verify index of the site's registry, built once per build and shared by the verify page
 * (which embeds its configuration) and the shard endpoints (`/verify/<version>/<file>.json`).
 */
import type { Registry } from '../../lib/model.ts';
import { buildVerifyIndex, type VerifyIndex } from '../../lib/verify/build.ts';
import { siteRegistry } from '../../site/registry.ts';

let cached: { registry: Registry; index: VerifyIndex } | undefined;

/** The verify index of `siteRegistry()`. */
export function siteVerifyIndex(): VerifyIndex {
  const registry = siteRegistry();
  if (cached?.registry !== registry) cached = { registry, index: buildVerifyIndex(registry) };
  return cached.index;
}
