/**
 * `/data/snapshot.json`, `/data/snapshot.json.sig` (signed builds only) and `/data/allowed_signers`
 * (when there is a public key): the signed registry snapshot (src/site/signing.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteRegistry } from '../../site/registry.ts';
import { siteSigning, siteSigningPlan } from '../../site/signing.ts';

export const getStaticPaths = (() => {
  const plan = siteSigningPlan(siteRegistry());
  const files = ['snapshot.json'];
  if (plan.key) files.push('snapshot.json.sig');
  if (plan.allowedSigners) files.push('allowed_signers');
  return files.map((signed) => ({ params: { signed } }));
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = {
  'snapshot.json': 'application/json; charset=utf-8',
  'snapshot.json.sig': 'text/plain; charset=utf-8',
  allowed_signers: 'text/plain; charset=utf-8',
};

export const GET: APIRoute = ({ params, site }) => {
  const signing = siteSigning(siteRegistry(), site);
  const body =
    params.signed === 'snapshot.json'
      ? signing.snapshot
      : params.signed === 'snapshot.json.sig'
        ? signing.signature
        : params.signed === 'allowed_signers'
          ? signing.allowedSigners
          : null;
  if (body === null) return new Response(null, { status: 404 });
  return new Response(body, { headers: { 'Content-Type': TYPES[params.signed!]! } });
};
