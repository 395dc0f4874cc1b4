/**
 * /compliance/<year>.csv: the annual assessment of every unit (UTF-8 with BOM), the same file
 * `npm run report -- --year <year> --format csv` writes.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { annualCsv } from '../../lib/compliance/report.ts';
import { assessmentYears } from '../../lib/compliance/annual.ts';
import { siteRegistry } from '../../site/registry.ts';

export const getStaticPaths: GetStaticPaths = () => assessmentYears(siteRegistry()).map((year) => ({ params: { year: String(year) } }));

export const GET: APIRoute = ({ params }) =>
  new Response(annualCsv(siteRegistry(), Number(params.year)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
