/**
 * Builds the bundled sample site once for all browser tests (pinned "today" for stable output)
 * and serves it on loopback; tests read the origin with `inject('siteUrl')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT } from '../../src/site/build.ts';
import { serveStatic } from './server.ts';

export const SAMPLE_AS_OF = '2026-11-28';

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-site-'));
  const outDir = path.join(root, 'dist');
  await buildSite({ dataDir: path.join(PROJECT_ROOT, 'data'), asOf: SAMPLE_AS_OF, outDir, base: '/', site: 'https://registry.example' });
  const server = await serveStatic(outDir);
  project.provide('siteUrl', server.origin);
  project.provide('siteDir', outDir);
  return async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}
