/**
 * What a phone downloads to search a built site, measured by running the search page's own
 * engine (src/client/search-engine.ts) in Node on Pagefind's own pagefind.js against the built
 * index, served from a local server that counts bytes as a CDN would send them: Pagefind's index
 * files are gzip-compressed already and go as they are; JavaScript and JSON go gzip-compressed.
 * The first query pays for pagefind.js, the start-up files, the WebAssembly and its chunks; later
 * queries only for their own index chunks and result data. Used by bench/build.ts and the tests.
 */
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { search, type Hit, type PagefindApi, type SearchFilters } from '../src/client/search-engine.ts';

/** Files that are sent as they are (already compressed by Pagefind). */
const PRECOMPRESSED = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;

export interface QueryTransfer {
  query: string;
  /** Bytes transferred for this query (and, for the first, for loading the search). */
  bytes: number;
  /** Files fetched. */
  files: string[];
  /** Hits shown on the first page. */
  hits: Hit[];
  /** Whether the engine dropped a token to find anything. */
  relaxed: boolean;
}

export interface SearchSession {
  /** Runs a query as the search page does (search, then the first page of every tier); returns what it downloaded. */
  query(text: string, filters?: SearchFilters): Promise<QueryTransfer>;
  close(): Promise<void>;
}

/** Bytes a CDN sends for a file. */
function wireBytes(file: string): number {
  return PRECOMPRESSED.test(file) ? statSync(file).size : gzipSync(readFileSync(file)).length;
}

/**
 * Opens a search session on a built site directory (its `pagefind/` bundle). The first query
 * also counts pagefind.js, which the browser downloads before anything else.
 */
export async function openSearch(siteDir: string): Promise<SearchSession> {
  const bundle = path.join(siteDir, 'pagefind');
  let fetched: string[] = [];
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').replace(/\?.*$/, ''));
    const file = path.join(bundle, rel);
    if (!file.startsWith(bundle + path.sep)) {
      res.statusCode = 404;
      return res.end();
    }
    try {
      const body = readFileSync(file);
      fetched.push(rel);
      res.setHeader('content-length', body.length);
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const module = (await import(pathToFileURL(path.join(bundle, 'pagefind.js')).href)) as {
    createInstance(o: Record<string, unknown>): PagefindApi & { destroy?(): Promise<void> };
  };
  const pagefind = module.createInstance({ basePath: `${origin}/`, noWorker: true });
  let first = true;
  return {
    async query(text, filters = {}) {
      fetched = first ? ['/pagefind.js'] : [];
      const outcome = await search(pagefind, text, filters);
      const hits = outcome.tiers.flatMap((t) => t.hits);
      const files = [...fetched];
      const bytes = files.reduce((sum, f) => sum + wireBytes(path.join(bundle, f)), 0);
      first = false;
      return { query: text, bytes, files, hits, relaxed: outcome.relaxed };
    },
    async close() {
      await pagefind.destroy?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
