/** Links that depend on where a listing paginates a row (an impostor's entry on the impostors pages). */
import type { Registry } from '../lib/model.ts';
import { PAGE_SIZE, pageOfRow, pagePath } from './paging.ts';
import { href } from './url.ts';
import { views } from './views.ts';

const impostorPages = new WeakMap<Registry, Map<string, number>>();

/** Site path (without base) of an impostor's entry: its page of `/impostors/` and its anchor. */
export function impostorPath(registry: Registry, id: string): string {
  let pages = impostorPages.get(registry);
  if (!pages) {
    pages = new Map(views(registry).impostors.map((i, index) => [i.id, pageOfRow(index, PAGE_SIZE.impostors)]));
    impostorPages.set(registry, pages);
  }
  return `${pagePath('/impostors/', pages.get(id) ?? 1)}#${id}`;
}

/** URL of an impostor's entry under the site's base. */
export function impostorHref(registry: Registry, id: string): string {
  return href(impostorPath(registry, id));
}
