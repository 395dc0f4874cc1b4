/**
 * Page shells: the bulk routes (src/site/bulk.ts) are rendered by Astro once, with markers in
 * place of the page's title, description and body, and the result is filled in for each page.
 * So every page of a route has exactly the frame (head, CSP, styles, banner, navigation, footer)
 * that Astro renders for it, from the same layout, without Astro's per-page cost.
 */
import { escapeHtml } from './html.ts';

/** Route parameter of the one shell page of a bulk route (no unit or account id starts with `_`). */
export const SHELL_ID = '_shell';

/** The markers the shell pages render instead of their content. */
export const SHELL = {
  title: '@@SHELL-TITLE@@',
  description: '@@SHELL-DESCRIPTION@@',
  body: '<!--@@SHELL-BODY@@-->',
  canonical: '@@SHELL-CANONICAL@@',
} as const;

export interface PageParts {
  /** The page's title as the layout receives it (text). */
  title: string;
  /** Meta description (text), when the route has one. */
  description?: string;
  /** The page's content (HTML). */
  body: string;
  /** Absolute URL of the page (its canonical link). */
  canonical?: string;
}

/** A shell split at its markers: literal parts and, between them, which marker stood there. */
export class Shell {
  private readonly parts: string[] = [];
  private readonly slots: (keyof typeof SHELL)[] = [];

  constructor(html: string) {
    html = withoutInlineHashes(html);
    const markers = Object.entries(SHELL) as [keyof typeof SHELL, string][];
    let rest = html;
    for (;;) {
      let next: { at: number; key: keyof typeof SHELL; marker: string } | undefined;
      for (const [key, marker] of markers) {
        const at = rest.indexOf(marker);
        if (at >= 0 && (!next || at < next.at)) next = { at, key, marker };
      }
      if (!next) break;
      this.parts.push(rest.slice(0, next.at));
      this.slots.push(next.key);
      rest = rest.slice(next.at + next.marker.length);
    }
    this.parts.push(rest);
    if (!this.slots.includes('body') || !this.slots.includes('title')) throw new Error('页面框架缺少正文或标题标记');
  }

  /** The page with its parts filled in (title and description escaped, body as it is). */
  fill(page: PageParts): string {
    let out = this.parts[0]!;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      out += (slot === 'body' ? page.body : escapeHtml(page[slot] ?? '')) + this.parts[i + 1]!;
    }
    return out;
  }
}

/** The Content-Security-Policy meta tag Astro writes into every page (`security.csp`, src/integration/config.ts). */
const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/**
 * A bulk page's frame without the hashes in its Content-Security-Policy. Astro lists the hashes of
 * every inline script and style it could ever emit (its island directives, the bundled chunks) in
 * every page; the bulk routes' pages have none: their scripts are files of the site (`'self'`) and
 * their content comes from the renderers (src/site/render/), which write no script or style
 * element. Without a hash the policy is stricter (no inline script or style runs at all) and a
 * page is some 330 bytes smaller, for tens of thousands of pages. A frame that does carry an
 * inline script or style keeps its hashes.
 */
export function withoutInlineHashes(html: string): string {
  const inline = /<script\b(?![^>]*\ssrc=)[^>]*>|<style\b/i.test(html);
  if (inline) return html;
  return html.replace(CSP_META, (_, open: string, policy: string, close: string) => {
    const lean = policy
      .split(';')
      .map((directive) => directive.replace(/\s+'sha(256|384|512)-[^']*'/g, '').trim())
      .filter(Boolean)
      .join(';');
    return `${open}${lean}${close}`;
  });
}
