/**
 * The signed snapshot (`/data/snapshot.json` + `/data/snapshot.json.sig`) and the machine list
 * under `/.well-known/gov-newmedia-registry/accounts.json`: what a platform, an anti-fraud bot or
 * a mirror needs to check an account offline (every account with its filing number, status and
 * identifiers, every number ever given, the impostors), in a stable order and without the build
 * time, so the same data at the same date gives the same bytes and the same signature.
 */
import type { Registry } from '../model.ts';
import type { Snapshot } from '../schema/opendata.ts';
import { openDataHeader, openProof, type UrlOf } from './index.ts';

/** `/data/snapshot.json`. */
export function snapshotDocument(registry: Registry, site: string | null): Snapshot {
  return {
    format: 'gov-newmedia-registry/snapshot',
    version: 1,
    ...openDataHeader(registry),
    site,
    accounts: registry.accounts.map((a) => ({
      id: a.id,
      filing_number: a.filing_number ?? null,
      unit: a.unit,
      unit_name: registry.unitById.get(a.unit)?.name ?? a.unit,
      name: a.name,
      platform: a.platform,
      handle: a.handle,
      identifiers: [...a.identifiers],
      url: a.url,
      verified_as: a.verified_as,
      status: a.status,
      opened: a.opened,
      closed: a.closed,
      former_names: a.formerNames.map((f) => f.value),
      former_handles: a.formerHandles.map((f) => f.value),
      proof: openProof(registry, a),
    })),
    filing_numbers: registry.filingNumbers.flatMap((e) => {
      const account = registry.accountById.get(e.account);
      return account ? [{ number: e.number, account: e.account, status: account.status }] : [];
    }),
    impostors: registry.impostors.map((i) => ({
      id: i.id,
      platform: i.platform,
      name: i.name,
      handle: i.handle ?? null,
      url: i.url ?? null,
      imitates: i.imitates,
      found: i.found,
      removed: i.removed ?? null,
    })),
  };
}

/** Path of the machine list on the site. */
export const WELL_KNOWN_PATH = '/.well-known/gov-newmedia-registry/accounts.json';

/** `/.well-known/gov-newmedia-registry/accounts.json`: the accounts in a compact form, with where the signed snapshot is. */
export function wellKnownDocument(registry: Registry, urlOf: UrlOf, signed: boolean) {
  const { site } = registry;
  return {
    registry: site.title,
    region: { name: site.region.name, code: site.region.code },
    publisher: site.office.name,
    as_of: registry.asOf,
    sample: site.sample,
    snapshot: urlOf('/data/snapshot.json'),
    signature: signed ? urlOf('/data/snapshot.json.sig') : null,
    allowed_signers: signed ? urlOf('/data/allowed_signers') : null,
    verify: urlOf('/verify/'),
    accounts: registry.accounts.map((a) => ({
      filing_number: a.filing_number ?? null,
      status: a.status,
      platform: a.platform,
      name: a.name,
      handle: a.handle,
      identifiers: [...a.identifiers],
      url: a.url,
      page: urlOf(`/units/${a.id}/`),
    })),
  };
}
