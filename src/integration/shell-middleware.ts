/**
 * Astro middleware of the integration (added in `astro:config:setup`): hands each shell page of
 * the bulk routes (src/site/shell.ts) to src/site/bulk.ts the moment Astro renders it, so the
 * bulk pages are written while Astro renders the rest, with no watching of the output folder.
 * Every other page passes through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { SHELL_ID } from '../site/shell.ts';
import { offerShell } from './registry-store.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.url.pathname.includes(`/${SHELL_ID}/`)) return response;
  const html = await response.text();
  offerShell(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
