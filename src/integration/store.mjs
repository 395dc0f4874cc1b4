// @ts-check
/**
 * The registry of the build or dev server in progress, held once per process. The integration
 * (src/integration/index.ts) loads and validates the data and publishes the model here; the pages
 * read it through src/site/registry.ts. Astro bundles the pages into modules of their own, and
 * Vitest or Vite may load the integration through loaders of their own: everyone reaches this
 * file through src/integration/registry-store.ts (`require`, so Node's one instance), and a large
 * registry is loaded once, not once per bundle. Plain JavaScript, so Node loads it without a
 * TypeScript loader.
 */

/** @type {{ dataDir: string; asOf: string; base: string; registry: unknown } | undefined} */
let current;

/** @type {Map<string, WeakMap<object, unknown>>} */
const computed = new Map();

/**
 * Publishes a validated registry (or withdraws it with `undefined`).
 * @param {{ dataDir: string; asOf: string; base: string; registry: unknown } | undefined} entry
 */
export function publishRegistry(entry) {
  current = entry;
}

/**
 * The registry published for `dataDir` at `asOf`, if any.
 * @param {string} dataDir
 * @param {string} asOf
 */
export function publishedRegistry(dataDir, asOf) {
  return current && current.dataDir === dataDir && current.asOf === asOf ? current.registry : undefined;
}

/** The deployment sub-path of the published registry's build (read by src/site/url.ts), if any. */
export function publishedBase() {
  return current?.base;
}

/**
 * `compute(registry)` once per registry and name (the compliance model, the verify index, the
 * page views), whichever page or the bulk writer asks first.
 * @template {object} R, T
 * @param {string} name
 * @param {R} registry
 * @param {(registry: R) => T} compute
 * @returns {T}
 */
export function derived(name, registry, compute) {
  let map = computed.get(name);
  if (!map) computed.set(name, (map = new WeakMap()));
  if (map.has(registry)) return /** @type {T} */ (map.get(registry));
  const value = compute(registry);
  map.set(registry, value);
  return value;
}

/** @type {((pathname: string, html: string) => void) | undefined} */
let pageListener;

/**
 * Who receives the shell pages of the bulk routes as Astro renders them (src/site/bulk.ts), or
 * nobody (`undefined`).
 * @param {((pathname: string, html: string) => void) | undefined} listener
 */
export function listenForShells(listener) {
  pageListener = listener;
}

/**
 * A shell page Astro has rendered (src/integration/shell-middleware.ts).
 * @param {string} pathname
 * @param {string} html
 */
export function offerShell(pathname, html) {
  pageListener?.(pathname, html);
}
