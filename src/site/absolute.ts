/** Absolute URLs of site paths, for the feed and the open data (which are read outside the site). */
import { href } from './url.ts';

/** A function giving the absolute URL of a site path under `site` (Astro's configured origin) and the base. */
export function absoluteUrls(site: URL | undefined): (path: string) => string {
  const origin = site ?? new URL('http://localhost:4321/');
  return (path) => new URL(href(path), origin).href;
}
