/**
 * Builds the sites of the browser tests once for all of them (pinned "today" for stable output):
 * the bundled sample, served on loopback (`inject('siteUrl')`, `inject('siteDir')`), and the
 * hostile registry of test/fixtures/adversarial/hostile (`inject('hostileDir')`), which the
 * safe-output and html-validate tests share.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { publicKeyText, SIGNATURE_NAMESPACE } from '../../src/lib/opendata/sign.ts';
import { buildSite, PROJECT_ROOT } from '../../src/site/build.ts';
import { serveStatic } from './server.ts';

export const SAMPLE_AS_OF = '2026-11-28';
export const HOSTILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'adversarial', 'hostile', 'data');

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'registry-site-'));
  const outDir = path.join(root, 'dist');
  // Signed with a throwaway key made now, listed in a throwaway allowed-signers file.
  const { privateKey } = generateKeyPairSync('ed25519');
  const signers = path.join(root, 'allowed_signers');
  writeFileSync(signers, `registry@registry.example namespaces="${SIGNATURE_NAMESPACE}" ${publicKeyText(privateKey)} 测试用一次性密钥\n`);
  const saved = { key: process.env.REGISTRY_SIGNING_KEY, signers: process.env.REGISTRY_ALLOWED_SIGNERS };
  process.env.REGISTRY_SIGNING_KEY = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  process.env.REGISTRY_ALLOWED_SIGNERS = signers;
  try {
    await buildSite({ dataDir: path.join(PROJECT_ROOT, 'data'), asOf: SAMPLE_AS_OF, outDir, base: '/', site: 'https://registry.example' });
  } finally {
    for (const [name, value] of [
      ['REGISTRY_SIGNING_KEY', saved.key],
      ['REGISTRY_ALLOWED_SIGNERS', saved.signers],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
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
