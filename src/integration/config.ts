/**
 * The site's Astro configuration, in one place for `astro build` / `astro dev` (astro.config.mjs)
 * and `npm run build` (src/site/build.ts), so both give the same site.
 */
import type { AstroUserConfig } from 'astro';
import registry, { type RegistryOptions } from './index.ts';

// Builds are reproducible and run offline: no usage reports to Astro.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export interface SiteConfigOptions extends RegistryOptions {
  /** Deployment sub-path such as `/registry/` for a GitHub Pages project site (default `/`). */
  base?: string;
}

export function siteConfig(options: SiteConfigOptions = {}): AstroUserConfig {
  const { base, ...registryOptions } = options;
  return {
    base: base || '/',
    trailingSlash: 'always',
    build: { format: 'directory', inlineStylesheets: 'never' },
    devToolbar: { enabled: false },
    integrations: [registry(registryOptions)],
    // Citizens verify accounts inside old in-app WebViews (WeChat's X5 and iOS WKWebView of phones
    // a few years old): client scripts are compiled for Chrome 69 / iOS Safari 12 era browsers
    // (browserslist: chrome >= 69, safari >= 12, ios_saf >= 12, firefox >= 68, edge >= 79).
    // Never inline a script or asset: the CSP allows only the site's own files (no inline script).
    vite: { build: { target: ['chrome69', 'safari12', 'firefox68', 'edge79'], assetsInlineLimit: 0 } },
    // No Markdown code blocks on this site; Shiki's inline styles would break the CSP.
    markdown: { syntaxHighlight: false },
    security: {
      csp: {
        algorithm: 'SHA-256',
        directives: [
          "default-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ],
        // Pagefind's search runs WebAssembly.
        scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
        styleDirective: { resources: ["'self'"] },
      },
    },
  };
}
