/**
 * The integration's Vite plugin: serves `virtual:gov-registry/settings` (the data folder, date,
 * public address and base of this build, src/integration/settings.ts), keeps the registry store
 * (src/integration/store.mjs) out of the server bundle so the pages read the registry the
 * integration loaded, and, under `astro dev`, watches the data folder: a changed YAML file is
 * validated and published again, and the browser reloads.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { SETTINGS_MODULE, type SiteSettings } from './settings.ts';

const RESOLVED_SETTINGS = `\0${SETTINGS_MODULE}`;
const STORE = fileURLToPath(new URL('./store.mjs', import.meta.url));
const STORE_ACCESS = fileURLToPath(new URL('./registry-store.ts', import.meta.url));
const RESOLVED_STORE = '\0gov-registry:store';

export interface RegistryPluginOptions {
  settings: SiteSettings;
  /** Loads, validates and publishes the data again; returns the error report, or null. */
  reload: () => string | null;
}

export function registryVitePlugin({ settings, reload }: RegistryPluginOptions): Plugin {
  return {
    name: 'gov-registry',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (id === SETTINGS_MODULE) return RESOLVED_SETTINGS;
      if (!id.endsWith('/registry-store.ts')) return null;
      const resolved = await this.resolve(id, importer, { skipSelf: true });
      if (resolved?.id !== STORE_ACCESS) return null;
      // Browser code never reaches the store: it imports only src/client and src/shared (test/layering.test.ts).
      return this.environment.config.consumer === 'server' ? RESOLVED_STORE : null;
    },
    load(id) {
      if (id === RESOLVED_SETTINGS) return `export default ${JSON.stringify(settings)};`;
      // src/integration/registry-store.ts for the pages: Node's own module instance of the store,
      // whether Vite's dev runner or the built server bundle runs them.
      if (id === RESOLVED_STORE) {
        return [
          `import { createRequire } from 'node:module';`,
          `const store = createRequire(${JSON.stringify(STORE)})(${JSON.stringify(STORE)});`,
          `export const { publishRegistry, publishedRegistry, publishedBase, derived, listenForShells, offerShell } = store;`,
        ].join('\n');
      }
      return null;
    },
    configureServer(server) {
      watchData(server, settings.dataDir, reload);
    },
  };
}

function watchData(server: ViteDevServer, dataDir: string, reload: () => string | null): void {
  server.watcher.add(dataDir);
  let timer: NodeJS.Timeout | undefined;
  const inData = (file: string) => !path.relative(dataDir, file).startsWith('..');
  const changed = () => {
    const report = reload();
    if (report) {
      server.config.logger.error(report);
      server.environments.client.hot.send({ type: 'error', err: { message: report, stack: '' } });
      return;
    }
    server.config.logger.info('名录数据已更新，页面重新载入。', { timestamp: true });
    // Astro forgets the pages' getStaticPaths results (new accounts, removed units) on this event.
    for (const environment of Object.values(server.environments)) {
      if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
    }
    server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  };
  server.watcher.on('all', (_event, file) => {
    if (!inData(file)) return;
    clearTimeout(timer);
    timer = setTimeout(changed, 100);
  });
}
