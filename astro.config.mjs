// @ts-check
import { defineConfig } from 'astro/config';

// The directory site (issue 3) builds from the registry model; SITE and BASE let it deploy
// under a sub-path such as a GitHub Pages project site.
export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
