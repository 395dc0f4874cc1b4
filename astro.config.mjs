// @ts-check
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/integration/config.ts';

/**
 * The public directory, built from the data folder by the registry's integration
 * (src/integration/). `npm run build -- --data DIR --as-of DATE` is the documented command;
 * `astro build` and `astro dev` read the same choices from `REGISTRY_DATA` and `REGISTRY_AS_OF`.
 * `SITE` overrides the public address of data/site.yaml; `BASE` sets a sub-path such as
 * `/registry/` for a GitHub Pages project site; `REGISTRY_PRECOMPRESS=1` writes the .gz and .br
 * copies for nginx (`npm run build -- --precompress`).
 */
export default defineConfig(
  siteConfig({
    data: process.env.REGISTRY_DATA,
    asOf: process.env.REGISTRY_AS_OF,
    site: process.env.SITE,
    base: process.env.BASE,
    precompress: process.env.REGISTRY_PRECOMPRESS === '1',
  }),
);
