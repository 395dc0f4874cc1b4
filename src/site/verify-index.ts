/**
 * The verify index of the site's registry, built once per build and shared by the verify page
 * (which embeds its configuration) and the shards (`/verify/<version>/<file>.json`, written by
 * the Astro route or by src/site/bulk.ts).
 */
import { derived } from '../integration/registry-store.ts';
import type { Registry } from '../lib/model.ts';
import { buildVerifyIndex, type VerifyIndex } from '../lib/verify/build.ts';

/** The verify index of a registry (built once). */
export function verifyIndexOf(registry: Registry): VerifyIndex {
  return derived('verify-index', registry, (r) => buildVerifyIndex(r));
}
