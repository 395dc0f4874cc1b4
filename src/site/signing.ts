/**
 * The signed snapshot of a build: `/data/snapshot.json`, its signature `/data/snapshot.json.sig`
 * and the allowed-signers file `/data/allowed_signers` (src/lib/opendata/sign.ts), computed once
 * per build. The key comes from `REGISTRY_SIGNING_KEY` / `REGISTRY_SIGNING_KEY_FILE`; the public
 * keys from `REGISTRY_ALLOWED_SIGNERS` or `keys/allowed_signers` next to the data directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Registry } from '../lib/model.ts';
import { documentJson } from '../lib/opendata/index.ts';
import { signingPlan, signMessage, SIGNATURE_NAMESPACE, type SigningPlan } from '../lib/opendata/sign.ts';
import { snapshotDocument } from '../lib/opendata/snapshot.ts';
import { absoluteUrls } from './absolute.ts';
import { derived } from '../integration/registry-store.ts';
import { siteSettings } from './registry.ts';

export interface SiteSigning {
  /** The snapshot's JSON text, exactly as published. */
  snapshot: string;
  /** The armored signature, or null for an unsigned build. */
  signature: string | null;
  identity: string | null;
  namespace: string;
  allowedSigners: string | null;
  publicKeys: { identity: string; key: string }[];
}

/** The allowed-signers file of a data directory: `REGISTRY_ALLOWED_SIGNERS`, else `<data>/../keys/allowed_signers`. */
export function allowedSignersFile(dataDir: string): string {
  return process.env.REGISTRY_ALLOWED_SIGNERS ?? path.join(path.dirname(dataDir), 'keys', 'allowed_signers');
}

/**
 * How this build signs (the key, the published public keys). Without an allowed-signers file the
 * key is published as `registry@<host>` of the site's public address (site.yaml `url`, or `SITE`; src/site/address.ts).
 */
export function siteSigningPlan(registry: Registry): SigningPlan {
  return derived('signing-plan', registry, () => {
    const file = allowedSignersFile(registry.dataDir);
    const allowed = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const host = new URL(siteSettings.site).hostname;
    return signingPlan(process.env, allowed, host, (f) => readFileSync(f, 'utf8'));
  });
}

/** The signed snapshot of the registry for a site at `site`. */
export function siteSigning(registry: Registry, site: URL | undefined): SiteSigning {
  return derived(`signing ${site?.href ?? ''}`, registry, () => {
    const plan = siteSigningPlan(registry);
    const origin = absoluteUrls(site)('/');
    const snapshot = documentJson(snapshotDocument(registry, origin));
    return {
      snapshot,
      signature: plan.key ? signMessage(snapshot, plan.key) : null,
      identity: plan.identity,
      namespace: SIGNATURE_NAMESPACE,
      allowedSigners: plan.allowedSigners,
      publicKeys: plan.publicKeys,
    };
  });
}
