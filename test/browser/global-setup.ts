/**
 * Builds the sites of the browser tests once for all of them (pinned "today" for stable output):
 * the bundled sample, served on loopback (`inject('siteUrl')`, `inject('siteDir')`), and the
 * hostile registry of test/fixtures/adversarial/hostile (`inject('hostileDir')`), which the
 * safe-output and html-validate tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT } from '../../src/site/build.ts';
import { serveStatic } from './server.ts';

export const SAMPLE_AS_OF = '2026-11-28';
export const HOSTILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'adversarial', 'hostile', 'data');

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-site-'));
  const outDir = path.join(root, 'dist');
  await buildSite({ dataDir: path.join(PROJECT_ROOT, 'data'), asOf: SAMPLE_AS_OF, outDir, base: '/', site: 'https://registry.example' });
  const hostileDir = path.join(root, 'hostile');
  await buildSite({ dataDir: HOSTILE, asOf: SAMPLE_AS_OF, outDir: hostileDir, base: '/', site: 'https://registry.example' });
  project.provide('hostileDir', hostileDir);
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
    /** The built hostile registry (read only: a test that adds files removes them again). */
    hostileDir: string;
  }
}
