/** `/data/impostors.json`: open data (src/lib/opendata/, schema /schemas/open-data/impostors.schema.json). */
import type { APIRoute } from 'astro';
import { documentJson, impostorsDocument } from '../../lib/opendata/index.ts';
import { siteRegistry } from '../../site/registry.ts';

export const GET: APIRoute = () =>
  new Response(documentJson(impostorsDocument(siteRegistry())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
