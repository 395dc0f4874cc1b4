/** `/changes.xml`: Atom feed of the latest lifecycle events (src/site/atom.ts). */
import type { APIRoute } from 'astro';
import { atomFeed } from '../site/atom.ts';
import { siteRegistry } from '../site/registry.ts';
import { absoluteUrls } from '../site/absolute.ts';

export const GET: APIRoute = ({ site }) => {
  const body = atomFeed(siteRegistry(), absoluteUrls(site));
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
