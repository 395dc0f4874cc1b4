/** `/data/units.json`: open data (src/lib/opendata/, schema /schemas/open-data/units.schema.json). */
import type { APIRoute } from 'astro';
import { unitsDocument, documentJson } from '../../lib/opendata/index.ts';
import { absoluteUrls } from '../../site/absolute.ts';
import { siteRegistry } from '../../site/registry.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(documentJson(unitsDocument(siteRegistry(), absoluteUrls(site))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
