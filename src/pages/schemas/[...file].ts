/**
 * `/schemas/…`: the JSON Schemas of the data files (`/schemas/account.schema.json`…) and of the
 * open data (`/schemas/open-data/accounts.schema.json`…), exactly as committed under `schemas/`
 * (test/json-schema.test.ts and test/opendata.test.ts keep those equal to what is rendered here).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderJsonSchemas } from '../../lib/schema/json-schema.ts';
import { renderOpenDataSchemas } from '../../lib/schema/opendata.ts';

export const getStaticPaths = (() =>
  [...renderJsonSchemas(), ...renderOpenDataSchemas()].map(([file, text]) => ({ params: { file }, props: { text } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
