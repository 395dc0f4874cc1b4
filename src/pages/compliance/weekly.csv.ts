/**
 * /compliance/weekly.csv: the weekly 通报's problem list (one row per problem, UTF-8 with BOM so
 * Excel opens it), the same file `npm run report -- --format csv` writes.
 */
import type { APIRoute } from 'astro';
import { siteCompliance } from '../../site/registry.ts';
import { weeklyCsv } from '../../lib/compliance/report.ts';

export const GET: APIRoute = () => new Response(weeklyCsv(siteCompliance()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
