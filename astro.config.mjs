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
