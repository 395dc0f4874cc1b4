/**
 * Signed open data: signatures made with node:crypto in OpenSSH's SSHSIG format are byte for byte
 * what `ssh-keygen -Y sign` writes, `ssh-keygen -Y verify` accepts them with the published
 * allowed-signers file and the documented command, and refuses the snapshot once one byte
 * changes. Keys are throwaway keys made at test time.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../src/lib/model.ts';
import { documentJson } from '../src/lib/opendata/index.ts';
import {
  parsePrivateKey,
  publicKeyText,
  SIGNATURE_NAMESPACE,
  signingPlan,
  signMessage,
  verifyMessage,
  parsePublicKey,
} from '../src/lib/opendata/sign.ts';
import { snapshotDocument, wellKnownDocument } from '../src/lib/opendata/snapshot.ts';
import { loadRegistry } from '../src/lib/registry.ts';
import { SnapshotSchema } from '../src/lib/schema/opendata.ts';
import { AS_OF, REPO } from './helpers/fixture.ts';

const HAS_SSH_KEYGEN = spawnSync('ssh-keygen', ['-Y', 'sign'], { encoding: 'utf8' }).error === undefined;
const IDENTITY = 'registry@registry.example';
let dir: string;
let keyFile: string;
let keyText: string;
let registry: Registry;

function sshKeygen(args: string[], input?: string) {
  return spawnSync('ssh-keygen', args, { cwd: dir, input, encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signing-test-'));
  keyFile = path.join(dir, 'key');
  if (HAS_SSH_KEYGEN) {
    expect(sshKeygen(['-q', '-t', 'ed25519', '-N', '', '-C', 'throwaway test key', '-f', keyFile]).status).toBe(0);
    keyText = readFileSync(keyFile, 'utf8');
  } else {
    keyText = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  }
  registry = loadRegistry(path.join(REPO, 'data'), { asOf: AS_OF }).registry!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAS_SSH_KEYGEN)('compatibility with ssh-keygen -Y', () => {
  it('signs byte for byte as ssh-keygen -Y sign does (Ed25519 is deterministic)', () => {
    const message = 'gov-newmedia-registry 622926-2026-0001\n';
    writeFileSync(path.join(dir, 'm'), message);
    expect(sshKeygen(['-Y', 'sign', '-f', keyFile, '-n', SIGNATURE_NAMESPACE, 'm']).status).toBe(0);
    expect(signMessage(message, parsePrivateKey(keyText))).toBe(readFileSync(path.join(dir, 'm.sig'), 'utf8'));
  });

  it('the documented command verifies the snapshot, and fails after one byte changes', () => {
    const key = parsePrivateKey(keyText);
    const snapshot = documentJson(snapshotDocument(registry, 'https://registry.example/'));
    const plan = signingPlan({ REGISTRY_SIGNING_KEY: keyText }, null, 'registry.example', () => '');
    expect(plan.identity).toBe(IDENTITY);
    // A comment after the key, as in keys/allowed_signers, is allowed.
    writeFileSync(path.join(dir, 'allowed_signers'), `# 测试\n${plan.allowedSigners!.trimEnd()} 一次性测试密钥\n`);
    writeFileSync(path.join(dir, 'snapshot.json'), snapshot);
    writeFileSync(path.join(dir, 'snapshot.json.sig'), signMessage(snapshot, key));
    const verify = (text: string) =>
      sshKeygen(['-Y', 'verify', '-f', 'allowed_signers', '-I', IDENTITY, '-n', SIGNATURE_NAMESPACE, '-s', 'snapshot.json.sig'], text);
    const good = verify(snapshot);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain(`Good "${SIGNATURE_NAMESPACE}" signature for ${IDENTITY}`);
    const i = snapshot.indexOf('622926-');
    const changed = `${snapshot.slice(0, i)}7${snapshot.slice(i + 1)}`;
    expect(changed.length).toBe(snapshot.length);
    expect(verify(changed).status).not.toBe(0);
    // Another namespace or identity does not verify either.
    expect(
      sshKeygen(['-Y', 'verify', '-f', 'allowed_signers', '-I', IDENTITY, '-n', 'file', '-s', 'snapshot.json.sig'], snapshot).status,
    ).not.toBe(0);
  });

  it('reads the public key ssh-keygen writes', () => {
    const pub = readFileSync(`${keyFile}.pub`, 'utf8');
    expect(publicKeyText(parsePublicKey(pub))).toBe(pub.split(' ').slice(0, 2).join(' '));
  });
});

describe('signatures', () => {
  it('verify with the key, fail with another key, another namespace or a changed message', () => {
    const key = parsePrivateKey(keyText);
    const other = generateKeyPairSync('ed25519').publicKey;
    const sig = signMessage('snapshot', key);
    const pub = parsePublicKey(publicKeyText(key));
    expect(verifyMessage('snapshot', sig, pub)).toBe(true);
    expect(verifyMessage('snapshoT', sig, pub)).toBe(false);
    expect(verifyMessage('snapshot', sig, other)).toBe(false);
    expect(verifyMessage('snapshot', sig, pub, 'file')).toBe(false);
  });

  it('takes a PKCS#8 PEM key too, and refuses what is not an Ed25519 key', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(parsePrivateKey(pem).asymmetricKeyType).toBe('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parsePrivateKey(rsa)).toThrowErrorMatchingInlineSnapshot(`[Error: 签名私钥须为 Ed25519，这里是 rsa]`);
    expect(() => parsePrivateKey('not a key')).toThrowErrorMatchingInlineSnapshot(
      `[Error: 签名私钥无法读取：须为 ssh-keygen -t ed25519 生成的 OpenSSH 私钥（不加密码）或 PKCS#8 PEM]`,
    );
  });
});

describe('signing plan', () => {
  const allowed = () => `# 测试用公钥\n${IDENTITY} namespaces="${SIGNATURE_NAMESPACE}" ${publicKeyText(parsePrivateKey(keyText))}\n`;

  it('signs as the allowed signer whose key it holds, from the key text or a key file', () => {
    expect(signingPlan({ REGISTRY_SIGNING_KEY: keyText }, allowed(), 'x', () => '')).toMatchObject({
      identity: IDENTITY,
      allowedSigners: allowed(),
    });
    expect(
      signingPlan({ REGISTRY_SIGNING_KEY_FILE: '/secret/key' }, allowed(), 'x', (f) => (f === '/secret/key' ? keyText : '')),
    ).toMatchObject({
      identity: IDENTITY,
    });
  });

  it('builds unsigned without a key, unless a key is required; refuses a key the allowed signers do not list', () => {
    expect(signingPlan({}, allowed(), 'x', () => '')).toMatchObject({ key: null, identity: null, publicKeys: [{ identity: IDENTITY }] });
    expect(() => signingPlan({ REGISTRY_SIGNING_REQUIRED: 'true' }, allowed(), 'x', () => '')).toThrowErrorMatchingInlineSnapshot(
      `[Error: REGISTRY_SIGNING_REQUIRED=true，但没有签名私钥：在 CI 的密钥（secret）中设置 REGISTRY_SIGNING_KEY，或用 REGISTRY_SIGNING_KEY_FILE 指向私钥文件。]`,
    );
    const stranger = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => signingPlan({ REGISTRY_SIGNING_KEY: stranger }, allowed(), 'x', () => '')).toThrow('不在 keys/allowed_signers 中');
  });

  it("the repository's keys/allowed_signers holds an Ed25519 key for the registry's namespace", () => {
    const text = readFileSync(path.join(REPO, 'keys', 'allowed_signers'), 'utf8');
    const plan = signingPlan({}, text, 'x', () => '');
    expect(plan.publicKeys.length).toBeGreaterThan(0);
    expect(text).toContain(`namespaces="${SIGNATURE_NAMESPACE}"`);
  });
});

describe('snapshot and machine list', () => {
  it('hold every account with its filing number and status, every number given, the impostors; valid and reproducible', () => {
    const snapshot = snapshotDocument(registry, 'https://registry.example/');
    expect(SnapshotSchema.safeParse(JSON.parse(documentJson(snapshot))).success).toBe(true);
    expect(snapshot.accounts.length).toBe(registry.accounts.length);
    expect(snapshot.filing_numbers.length).toBe(registry.filingNumbers.length);
    const closed = snapshot.accounts.find((a) => a.status === 'deregistered')!;
    expect(closed.filing_number).toMatch(/^622926-\d{4}-\d{4}$/);
    expect(snapshot.filing_numbers).toContainEqual({ number: closed.filing_number, account: closed.id, status: 'deregistered' });
    expect(snapshot.impostors.length).toBe(registry.impostors.length);
    expect(documentJson(snapshotDocument(registry, 'https://registry.example/'))).toBe(documentJson(snapshot));

    const list = wellKnownDocument(registry, (p) => `https://registry.example${p}`, true);
    expect(list).toMatchObject({
      snapshot: 'https://registry.example/data/snapshot.json',
      signature: 'https://registry.example/data/snapshot.json.sig',
    });
    expect(list.accounts.length).toBe(registry.accounts.length);
  });
});
