/**
 * The registry store (src/integration/store.mjs) as Node's one module instance: the integration,
 * the bulk writer and the pages Astro bundled (the Vite plugin, src/integration/vite.ts, gives them
 * this same instance) all reach it through `require`, which returns the instance Node holds for the
 * file, whichever loader (tsx, Vitest, Vite's runner) imported this module.
 */
import { createRequire } from 'node:module';

type Store = typeof import('./store.mjs');

const store = createRequire(import.meta.url)('./store.mjs') as Store;

export const { publishRegistry, publishedRegistry, publishedBase, derived, listenForShells, offerShell } = store;
