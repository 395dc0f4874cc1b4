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
