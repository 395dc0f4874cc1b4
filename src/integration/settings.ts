/** The settings the integration hands to the pages through `virtual:gov-registry/settings`. */
export interface SiteSettings {
  /** Absolute path of the data folder. */
  dataDir: string;
  /** "Today" of the build (YYYY-MM-DD). */
  asOf: string;
  /** Public address (src/site/address.ts), e.g. `https://xmt.dongxiang.example/`. */
  site: string;
  /** Deployment sub-path, ending in `/`. */
  base: string;
  /** Whether src/site/bulk.ts writes the bulk routes after Astro (a build; not `astro dev`). */
  bulk: boolean;
}

/** Id of the virtual module. */
export const SETTINGS_MODULE = 'virtual:gov-registry/settings';
