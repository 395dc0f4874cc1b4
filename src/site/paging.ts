/**
 * Pagination of the listing pages. A county fits on one page; a national registry of 100k
 * accounts must not produce a 5 MB page for a phone: listings are cut into pages of a fixed
 * number of rows, sized so that no page exceeds 200 KB of HTML (the build benchmark checks it).
 * Page 1 is the listing's own path (`/closed/`), page n is `<path><n>/` (`/closed/2/`).
 */

/** Rows per page of each kind of listing. */
export const PAGE_SIZE = {
  /** Account tables (platform pages, closed accounts). */
  accounts: 200,
  /** Lifecycle events (changes page). */
  events: 200,
  /** Impostor entries. */
  impostors: 100,
  /** Units of one kind on its own listing. */
  units: 400,
  /** Units of each kind shown on the units index before "show all". */
  unitsPreview: 150,
  /** Units of the compliance tables (`/compliance/units/`, `/compliance/<year>/`). */
  complianceUnits: 200,
  /** Units of the compliance table shown on `/compliance/` (the worst), before "show all". */
  complianceUnitsPreview: 80,
  /** Problems of each section shown on `/compliance/` (the rest are in the CSV and on the units' pages). */
  complianceIssues: 30,
  /** Impostors shown on `/compliance/` (the rest are on `/impostors/`). */
  complianceImpostors: 50,
} as const;

/** Number of pages for `count` rows (at least 1: an empty listing still has its page). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Site path of page `page` of a listing at `path` (which ends in `/`). */
export function pagePath(path: string, page: number): string {
  return page <= 1 ? path : `${path}${page}/`;
}

/** The rows of one page. */
export function pageRows<T>(rows: readonly T[], page: number, size: number): readonly T[] {
  return rows.slice((page - 1) * size, page * size);
}

/**
 * `getStaticPaths` entries for the pages of a listing at a `[...page]` route: `page` is
 * undefined for page 1 and `"2"`, `"3"`… after.
 */
export function pageParams(count: number, size: number): { page: string | undefined; number: number }[] {
  return Array.from({ length: pageCount(count, size) }, (_, i) => ({ page: i === 0 ? undefined : String(i + 1), number: i + 1 }));
}

/** Page number on which the row at `index` (0-based) appears. */
export function pageOfRow(index: number, size: number): number {
  return Math.floor(index / size) + 1;
}
