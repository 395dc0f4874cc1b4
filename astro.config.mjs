// @ts-check
import { defineConfig } from 'astro/config';

/**
 * The public directory. `SITE` (absolute origin, for canonical links and the Atom feed) and
 * `BASE` (a sub-path such as `/registry/` for a GitHub Pages project site) configure where it is
 * deployed; `REGISTRY_DATA` and `REGISTRY_AS_OF` choose the data and "today" (src/site/registry.ts).
 */
export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
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
});
