/**
 * The search index, built from the model (src/site/search-records.ts), not by crawling the HTML,
 * and written with Pagefind (a separate process). Pagefind's own UI bundles are removed from the
 * output (the site has its own search page).
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Registry } from '../lib/model.ts';
import { searchRecords } from './search-records.ts';

/** Directory of the search index in the output. */
export const SEARCH_DIR = 'pagefind';

/**
 * Postings per Pagefind index chunk (Pagefind's default is 20000). Each search term downloads the
 * chunk holding it; smaller chunks keep a query on a phone under 40 KB at 50k accounts, for a
 * few more entries in the start-up file.
 */
export const INDEX_CHUNK_SIZE = 4000;

/** Files of the Pagefind bundle the site uses; the rest (Pagefind's UI kits, highlighter) is removed. */
const SEARCH_FILES = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\..*\.pf_meta|wasm\..*\.pagefind)$/;

/** A search index being fed; `write` waits for the records and writes it into `<outDir>/pagefind/`. */
export interface PendingIndex {
  write(outDir: string): Promise<number>;
}

/**
 * Starts indexing a registry's search records in Pagefind's process while Astro builds
 * (`astro:build:start`). The index is written in `astro:build:done`, alongside the bulk routes:
 * Pagefind's writing takes both cores, and run during Astro's rendering it only slowed Astro down
 * by as much.
 */
export function startSearchIndex(registry: Registry, base: string): PendingIndex {
  const prefix = base.replace(/\/?$/, '/');
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const fed = (async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
    let count = 0;
    let batch: Promise<pagefind.NewFileResponse>[] = [];
    const flush = async () => {
      for (const response of await Promise.all(batch))
        if (response.errors.length) throw new Error(`Pagefind 索引出错：${response.errors.join('；')}`);
      batch = [];
    };
    const links = { unit: (id: string) => `${prefix}units/${id}/`, impostor: (id: string) => `${prefix}impostors/#${id}` };
    for (const record of searchRecords(registry, links)) {
      batch.push(index.addCustomRecord(record));
      count++;
      if (batch.length >= 200) await flush();
    }
    await flush();
    return { index, count };
  })();
  // Reported by `write`; not an unhandled rejection while Astro builds.
  fed.catch(() => {});
  return {
    async write(outDir: string) {
      const { index, count } = await fed;
      const dir = path.join(outDir, SEARCH_DIR);
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind 无法写出索引：${written.errors.join('；')}`);
      await pagefind.close();
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isFile() && !SEARCH_FILES.test(entry.name)) rmSync(path.join(dir, entry.name));
      }
      return count;
    },
  };
}

/** Ends Pagefind's process after a failed build (a finished `write` ends it itself). */
export async function closeSearch(): Promise<void> {
  await pagefind.close().catch(() => {});
}

/** Builds the search index of a registry into `<outDir>/pagefind/`; returns the number of records. */
export async function buildSearchIndex(registry: Registry, outDir: string, base: string): Promise<number> {
  return startSearchIndex(registry, base).write(outDir);
}
