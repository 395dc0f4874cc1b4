/**
 * Verify lookups in unit tests, as the verify page makes them: shards fetched from a built index
 * (src/lib/verify/build.ts), at most two requests per lookup, and the result explained with the
 * site's link shapes.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { loadRegistry } from '../../src/lib/registry.ts';
import { buildVerifyIndex } from '../../src/lib/verify/build.ts';
import type { VerifyIndex } from '../../src/lib/verify/build.ts';
import { AS_OF, REPO } from './fixture.ts';
import type { Line } from '../../src/shared/verify/explain.ts';
import type { Shard } from '../../src/shared/verify/format.ts';
import { verify, type VerifyResult } from '../../src/shared/verify/lookup.ts';

/** The verify index of the bundled sample data at the tests' pinned date. */
export function sampleVerifyIndex(): VerifyIndex {
  return buildVerifyIndex(loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!);
}

/** The site's link shapes (src/pages/verify/), for `explain`. */
export const LINKS = {
  account: (id: string) => `/units/${id}/`,
  unit: (id: string) => `/units/${id}/`,
  impostors: () => '/impostors/',
  units: () => '/units/',
  closed: () => '/closed/',
  verify: (q: string) => `/verify/?q=${encodeURIComponent(q)}`,
};

/** The plain text of an explained line. */
export const lineText = (line: Line): string => line.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/** Looks `query` up in `index` (from the page at `here`), checking the request budget. */
export async function lookup(index: VerifyIndex, query: string, here?: string): Promise<VerifyResult> {
  const fetched = new Set<string>();
  const result = await verify(
    query,
    index.config,
    async (file) => {
      fetched.add(file);
      return JSON.parse(index.files.get(file)!) as Shard;
    },
    here,
  );
  expect(result.requests).toBe(fetched.size);
  expect(result.requests).toBeLessThanOrEqual(2);
  return result;
}
