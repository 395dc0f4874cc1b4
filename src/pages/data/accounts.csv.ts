/** `/data/accounts.csv`: the accounts as a table for Excel (src/lib/opendata/csv.ts). */
import type { APIRoute } from 'astro';
import { accountsCsv } from '../../lib/opendata/csv.ts';
import { absoluteUrls } from '../../site/absolute.ts';
import { siteRegistry } from '../../site/registry.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(accountsCsv(siteRegistry(), absoluteUrls(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
