/**
 * This site's own addresses as verify queries (test/url-forms.test.ts, test/verify-proof.test.ts):
 * the URL a poster QR code holds (`posterVerifyUrl`), and what an account page, filing form, poster
 * or verify link of the site names (`ownSiteTarget`), on the configured address or the current
 * origin, with or without the base path, whatever tracking parameters a share added. Runs in Node
 * and in the browser.
 */
import { decodeURIComponentSafe } from '../normalize.ts';

/** An account of the registry, as far as its addresses go. */
export interface AccountRef {
  /** `<unit>/<slug>`. */
  id: string;
}

/** The site base URL with exactly one trailing slash (`https://x.example/base/`). */
function siteBase(siteUrl: string): string {
  return siteUrl.replace(/\/*$/, '/');
}

/** The absolute URL of an account's registry page. */
export function accountPageUrl(siteUrl: string, account: AccountRef): string {
  return `${siteBase(siteUrl)}units/${account.id}/`;
}

/**
 * The URL a poster's QR code holds for an account: the registry's verify page asking about the
 * account's registry page, with the poster's issue date (`issued=YYYY-MM-DD`) so the answer can
 * warn when the account changed after the poster was printed.
 */
export function posterVerifyUrl(siteUrl: string, account: AccountRef, issued: string): string {
  return `${siteBase(siteUrl)}verify/?q=${encodeURIComponent(accountPageUrl(siteUrl, account))}&issued=${issued}`;
}

/** What an address of this site names. */
export type SiteTarget =
  /** An account page, its filing form (`form/`), or an account named by a poster's verify link. */
  | { kind: 'account'; account: string; issued?: string }
  /** A unit page or a unit's poster. */
  | { kind: 'unit'; unit: string }
  /** A verify link that asks about other text (`/verify/?q=…`). */
  | { kind: 'query'; query: string; issued?: string }
  /** Another page of the site (home, lists…). */
  | { kind: 'page' };

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ACCOUNT_PATH = new RegExp(`^units/(${ID})/(${ID})/(?:form/)?(?:index\\.html)?$`);
const UNIT_PATH = new RegExp(`^units/(${ID})/(?:poster/)?(?:index\\.html)?$`);
const VERIFY_PATH = /^verify\/(?:index\.html)?$/;
/** Slugs that name a unit's own pages rather than an account. */
const UNIT_PAGES = new Set(['poster']);

function hostOf(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/**
 * What `url` names when it is an address of this site: `sites` are the site's base URLs (the
 * configured address and the current origin with its base path). The scheme and `www.` do not
 * matter; the path is read with or without the base. Returns null for another site.
 */
export function ownSiteTarget(url: URL, sites: readonly string[]): SiteTarget | null {
  const host = hostOf(url.host);
  const bases: string[] = [];
  for (const site of sites) {
    let base: URL;
    try {
      base = new URL(siteBase(site));
    } catch {
      continue;
    }
    if (hostOf(base.host) === host) bases.push(base.pathname);
  }
  if (bases.length === 0) return null;
  let path = url.pathname.replace(/\/{2,}/g, '/');
  const base = bases.sort((a, b) => b.length - a.length).find((b) => path.startsWith(b));
  path = base ? path.slice(base.length) : path.replace(/^\//, '');
  path = decodeURIComponentSafe(path);
  if (path && !path.endsWith('/') && !path.endsWith('.html')) path += '/';
  const issuedParam = url.searchParams.get('issued') ?? '';
  const issued = /^\d{4}-\d{2}-\d{2}$/.test(issuedParam) ? { issued: issuedParam } : {};
  const account = ACCOUNT_PATH.exec(path);
  if (account && !UNIT_PAGES.has(account[2]!)) return { kind: 'account', account: `${account[1]}/${account[2]}`, ...issued };
  const unit = UNIT_PATH.exec(path);
  if (unit) return { kind: 'unit', unit: unit[1]! };
  if (VERIFY_PATH.test(path)) {
    const query = url.searchParams.get('q')?.trim();
    if (query) return { kind: 'query', query, ...issued };
  }
  return { kind: 'page' };
}
