/**
 * `/verify/<version>/<file>.json`: the shards of the verify index (src/lib/verify/build.ts).
 * `<version>` is the index's content hash, so a page never mixes shards of two builds and the
 * files can be cached for as long as a CDN likes. A full build (src/site/build.ts) writes them
 * itself (src/site/bulk.ts), without a page render each.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bulkShells, siteVerifyIndex } from '../../../site/registry.ts';

export const getStaticPaths = (() => {
  if (bulkShells()) return [];
  const { config, files } = siteVerifyIndex();
  return [...files.keys()].map((file) => ({ params: { version: config.version, file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = siteVerifyIndex().files.get(params.file ?? '');
  if (text === undefined) return new Response('not found', { status: 404 });
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
