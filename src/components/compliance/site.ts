/**
 * The compliance model as the site sees it: computed once per build from the site's registry
 * (src/site/registry.ts) and shared by the compliance pages and the unit and account cards.
 */
import type { Compliance } from '../../lib/compliance/engine.ts';
import { computeCompliance } from '../../lib/compliance/engine.ts';
import { siteRegistry } from '../../site/registry.ts';

let cached: Compliance | undefined;

/** The compliance model of the registry being built. */
export function siteCompliance(): Compliance {
  cached ??= computeCompliance(siteRegistry());
  return cached;
}
