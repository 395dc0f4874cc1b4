/**
 * The signed snapshot of the built sample site (signed in global-setup.ts with a throwaway key):
 * the command the /data/ page documents verifies the downloaded files with ssh-keygen, and fails
 * once one byte of the snapshot changes; the machine list under /.well-known/ lists every account.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const site = () => inject('siteDir');
const read = (p: string) => readFileSync(path.join(site(), p), 'utf8');
const HAS_SSH_KEYGEN = spawnSync('ssh-keygen', ['-Y', 'sign'], { encoding: 'utf8' }).error === undefined;

/** The verify command as the /data/ page shows it. */
function documentedCommand(): string {
  const html = read('data/index.html');
  const code = /<p class="command"><code>(ssh-keygen -Y verify[^<]*)<\/code><\/p>/.exec(html)?.[1];
  expect(code).toBeDefined();
  return code!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

describe.skipIf(!HAS_SSH_KEYGEN)('signed snapshot', () => {
  it('verifies with the documented command, and fails after one byte changes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'snapshot-download-'));
    try {
      for (const file of ['snapshot.json', 'snapshot.json.sig', 'allowed_signers'])
        copyFileSync(path.join(site(), 'data', file), path.join(dir, file));
      const command = documentedCommand();
      expect(command).toBe(
        'ssh-keygen -Y verify -f allowed_signers -I registry@registry.example -n gov-newmedia-registry -s snapshot.json.sig < snapshot.json',
      );
      const run = () => spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
      const good = run();
      expect(good.status, good.stderr).toBe(0);
      expect(good.stdout).toContain('Good "gov-newmedia-registry" signature for registry@registry.example');

      const bytes = readFileSync(path.join(dir, 'snapshot.json'));
      const i = bytes.indexOf('"deregistered"');
      bytes[i + 1] = 'D'.charCodeAt(0);
      writeFileSync(path.join(dir, 'snapshot.json'), bytes);
      expect(run().status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('machine list and snapshot', () => {
  it('list every account with its filing number, status and identifiers, and point at the signed snapshot', () => {
    const list = JSON.parse(read('.well-known/gov-newmedia-registry/accounts.json')) as {
      snapshot: string;
      signature: string;
      accounts: { filing_number: string | null; status: string; handle: string }[];
    };
    expect(list.snapshot).toBe('https://registry.example/data/snapshot.json');
    expect(list.signature).toBe('https://registry.example/data/snapshot.json.sig');
    expect(list.accounts).toHaveLength(150);
    expect(list.accounts.every((a) => /^622926-\d{4}-\d{4}$/.test(a.filing_number ?? ''))).toBe(true);
    const snapshot = JSON.parse(read('data/snapshot.json')) as { filing_numbers: { status: string }[]; as_of: string };
    expect(snapshot.as_of).toBe('2026-11-28');
    expect(snapshot.filing_numbers).toHaveLength(150);
    expect(snapshot.filing_numbers.some((n) => n.status === 'deregistered')).toBe(true);
  });
});
