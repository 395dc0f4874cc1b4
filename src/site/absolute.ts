/** Absolute URLs of site paths, for the feed, the posters and the open data (which are read outside the site). */
import { href } from './url.ts';

/**
 * The configured public address (Astro's `site`, src/site/address.ts). There is no default: a
 * URL the public cannot open must not be published.
 */
export function publicAddress(site: URL | string | undefined): string {
  if (!site) throw new Error('没有配置网站地址：请在 data/site.yaml 中填写 url（或设置 SITE）。');
  return new URL(site).href;
}

/** A function giving the absolute URL of a site path under `site` and the base. */
export function absoluteUrls(site: URL | string | undefined): (path: string) => string {
  const address = publicAddress(site);
  return (path) => new URL(href(path), address).href;
}

/** The absolute URL of a path that already holds the base (`Astro.url.pathname`). */
export function absoluteUrl(site: URL | string | undefined, pathWithBase: string): string {
  return new URL(pathWithBase, publicAddress(site)).href;
}
