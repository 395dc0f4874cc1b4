/** `/.well-known/gov-newmedia-registry/accounts.json`: the machine list of accounts (src/lib/opendata/snapshot.ts). */
import type { APIRoute } from 'astro';
import { documentJson } from '../../../lib/opendata/index.ts';
import { wellKnownDocument } from '../../../lib/opendata/snapshot.ts';
import { absoluteUrls } from '../../../site/absolute.ts';
import { siteRegistry } from '../../../site/registry.ts';
import { siteSigning } from '../../../site/signing.ts';

export const GET: APIRoute = ({ site }) => {
  const registry = siteRegistry();
  const signed = siteSigning(registry, site).signature !== null;
  return new Response(documentJson(wellKnownDocument(registry, absoluteUrls(site), signed)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
