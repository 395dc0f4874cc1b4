/**
 * Detached signatures of the open data in OpenSSH's `ssh-keygen -Y sign` format (SSHSIG, Ed25519,
 * SHA-512), made with node:crypto, so anyone can check a downloaded snapshot offline with the one
 * tool every Linux and macOS machine has:
 *
 *   ssh-keygen -Y verify -f allowed_signers -I <identity> -n gov-newmedia-registry -s snapshot.json.sig < snapshot.json
 *
 * The private key comes from the environment (a CI secret), never from the repository:
 * `REGISTRY_SIGNING_KEY` (the key text) or `REGISTRY_SIGNING_KEY_FILE` (a path), an unencrypted
 * OpenSSH Ed25519 key as `ssh-keygen -t ed25519 -N ''` writes it, or PKCS#8 PEM. The public key is
 * published in `keys/allowed_signers` (OpenSSH's allowed-signers format).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The SSHSIG namespace of the registry's signatures (`-n`). */
export const SIGNATURE_NAMESPACE = 'gov-newmedia-registry';

const MAGIC = Buffer.from('SSHSIG');
const KEY_TYPE = 'ssh-ed25519';
const HASH = 'sha512';
/** DER prefixes of Ed25519 keys: PKCS#8 private key (before the 32-byte seed), SPKI public key (before the 32-byte key). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Reads SSH wire-format values from a buffer. */
class Reader {
  private offset = 0;
  private readonly buf: Buffer;
  constructor(buf: Buffer) {
    this.buf = buf;
  }
  u32(): number {
    if (this.offset + 4 > this.buf.length) throw new Error('truncated');
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  bytes(n: number): Buffer {
    if (this.offset + n > this.buf.length) throw new Error('truncated');
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }
  string(): Buffer {
    return this.bytes(this.u32());
  }
  get done(): boolean {
    return this.offset === this.buf.length;
  }
}

/** A signing key that cannot be used, with the reason in Chinese. */
export class SigningKeyError extends Error {}

/** The Ed25519 private key of an OpenSSH private-key file (unencrypted) or a PKCS#8 PEM. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const openssh = /^-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----$/.exec(trimmed);
  if (!openssh) {
    try {
      const key = createPrivateKey(trimmed);
      if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`签名私钥须为 Ed25519，这里是 ${key.asymmetricKeyType}`);
      return key;
    } catch (error) {
      if (error instanceof SigningKeyError) throw error;
      throw new SigningKeyError('签名私钥无法读取：须为 ssh-keygen -t ed25519 生成的 OpenSSH 私钥（不加密码）或 PKCS#8 PEM');
    }
  }
  try {
    const r = new Reader(Buffer.from(openssh[1]!.replace(/\s+/g, ''), 'base64'));
    if (!r.bytes(15).equals(Buffer.from('openssh-key-v1\0'))) throw new Error('magic');
    const cipher = r.string().toString();
    r.string(); // kdf name
    r.string(); // kdf options
    if (cipher !== 'none')
      throw new SigningKeyError('签名私钥设置了密码：CI 中使用的私钥不能加密码（用 ssh-keygen -t ed25519 -N "" 生成）');
    if (r.u32() !== 1) throw new Error('nkeys');
    r.string(); // public key
    const priv = new Reader(r.string());
    if (priv.u32() !== priv.u32()) throw new Error('check');
    const type = priv.string().toString();
    if (type !== KEY_TYPE) throw new SigningKeyError(`签名私钥须为 Ed25519（ssh-keygen -t ed25519），这里是 ${type}`);
    priv.string(); // public part
    const secret = priv.string();
    return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secret.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
    throw new SigningKeyError('签名私钥格式不对：不是完整的 OpenSSH 私钥文件');
  }
}

/** The 32 raw bytes of an Ed25519 public key. */
function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

/** The public key's SSH wire blob (`string "ssh-ed25519", string key`). */
function publicKeyBlob(key: KeyObject): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(rawPublicKey(key))]);
}

/** The public key as one line of `authorized_keys` / `allowed_signers`: `ssh-ed25519 AAAA…`. */
export function publicKeyText(key: KeyObject): string {
  return `${KEY_TYPE} ${publicKeyBlob(key).toString('base64')}`;
}

/** What an SSHSIG signature covers: the namespace, the hash algorithm and the message's hash. */
function signedData(message: Buffer, namespace: string): Buffer {
  const digest = createHash(HASH).update(message).digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(HASH), sshString(digest)]);
}

/** The armored signature (`-----BEGIN SSH SIGNATURE-----`) of `message`, as `ssh-keygen -Y sign` writes it. */
export function signMessage(message: Buffer | string, key: KeyObject, namespace = SIGNATURE_NAMESPACE): string {
  const data = typeof message === 'string' ? Buffer.from(message) : message;
  const signature = sign(null, signedData(data, namespace), key);
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const blob = Buffer.concat([
    MAGIC,
    version,
    sshString(publicKeyBlob(key)),
    sshString(namespace),
    sshString(''),
    sshString(HASH),
    sshString(Buffer.concat([sshString(KEY_TYPE), sshString(signature)])),
  ]);
  const lines = blob.toString('base64').match(/.{1,70}/g)!;
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}

/** A public key from `ssh-ed25519 AAAA…` text. */
export function parsePublicKey(text: string): KeyObject {
  const m = /(?:^|\s)ssh-ed25519\s+([A-Za-z0-9+/=]+)/.exec(text);
  if (!m) throw new SigningKeyError('不是 ssh-ed25519 公钥');
  const r = new Reader(Buffer.from(m[1]!, 'base64'));
  if (r.string().toString() !== KEY_TYPE) throw new SigningKeyError('不是 ssh-ed25519 公钥');
  const raw = r.string();
  if (raw.length !== 32 || !r.done) throw new SigningKeyError('ssh-ed25519 公钥长度不对');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Whether `armored` is a valid signature of `message` by `publicKey` in `namespace` (what `ssh-keygen -Y verify` checks). */
export function verifyMessage(message: Buffer | string, armored: string, publicKey: KeyObject, namespace = SIGNATURE_NAMESPACE): boolean {
  try {
    const body = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/.exec(armored)?.[1];
    if (!body) return false;
    const r = new Reader(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
    if (!r.bytes(6).equals(MAGIC) || r.u32() !== 1) return false;
    if (!r.string().equals(publicKeyBlob(publicKey))) return false;
    if (r.string().toString() !== namespace) return false;
    r.string();
    if (r.string().toString() !== HASH) return false;
    const sig = new Reader(r.string());
    if (sig.string().toString() !== KEY_TYPE) return false;
    const data = typeof message === 'string' ? Buffer.from(message) : message;
    return verify(null, signedData(data, namespace), publicKey, sig.string());
  } catch {
    return false;
  }
}

/** One line of an allowed-signers file: who (the principal) and which key. */
export interface AllowedSigner {
  identity: string;
  key: KeyObject;
}

/** The ssh-ed25519 entries of an OpenSSH allowed-signers file (comments and other key types skipped). */
function parseAllowedSigners(text: string): AllowedSigner[] {
  const out: AllowedSigner[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const identity = line.split(/\s+/, 1)[0]!;
    try {
      out.push({ identity, key: parsePublicKey(line.slice(identity.length)) });
    } catch {
      // Not an Ed25519 key: not one this registry signs with.
    }
  }
  return out;
}

/** Whether two keys are the same public key. */
function sameKey(a: KeyObject, b: KeyObject): boolean {
  return rawPublicKey(a).equals(rawPublicKey(b));
}

/** Where the signing key comes from (environment variables; `REGISTRY_SIGNING_REQUIRED=true` makes it mandatory). */
export interface SigningEnv {
  REGISTRY_SIGNING_KEY?: string;
  REGISTRY_SIGNING_KEY_FILE?: string;
  REGISTRY_SIGNING_REQUIRED?: string;
}

/** How a build signs: the key (or none), who it signs as, and the public keys it publishes. */
export interface SigningPlan {
  key: KeyObject | null;
  /** The principal of the allowed-signers line of the key (`-I`); null when not signing. */
  identity: string | null;
  /** The allowed-signers text the site publishes (`/data/allowed_signers`); null when there is none. */
  allowedSigners: string | null;
  /** The public keys of the allowed-signers text (`identity`, `ssh-ed25519 AAAA…`). */
  publicKeys: { identity: string; key: string }[];
}

/**
 * Works out how to sign from the environment (`REGISTRY_SIGNING_KEY` text, or
 * `REGISTRY_SIGNING_KEY_FILE` read by `readKeyFile`; `REGISTRY_SIGNING_REQUIRED=true`) and the
 * repository's allowed-signers text. A key that is not in a present allowed-signers file is
 * refused: its signatures would not verify with the published key. Without an allowed-signers
 * file the key is published as `registry@<host>`.
 */
export function signingPlan(
  env: SigningEnv,
  allowedSignersText: string | null,
  host: string,
  readKeyFile: (file: string) => string,
): SigningPlan {
  const keyText = env.REGISTRY_SIGNING_KEY?.trim()
    ? env.REGISTRY_SIGNING_KEY
    : env.REGISTRY_SIGNING_KEY_FILE
      ? readKeyFile(env.REGISTRY_SIGNING_KEY_FILE)
      : '';
  const signers = allowedSignersText ? parseAllowedSigners(allowedSignersText) : [];
  const publicKeys = signers.map((s) => ({ identity: s.identity, key: publicKeyText(s.key) }));
  if (!keyText?.trim()) {
    if (env.REGISTRY_SIGNING_REQUIRED === 'true')
      throw new SigningKeyError(
        'REGISTRY_SIGNING_REQUIRED=true，但没有签名私钥：在 CI 的密钥（secret）中设置 REGISTRY_SIGNING_KEY，或用 REGISTRY_SIGNING_KEY_FILE 指向私钥文件。',
      );
    return { key: null, identity: null, allowedSigners: signers.length ? allowedSignersText : null, publicKeys };
  }
  const key = parsePrivateKey(keyText);
  if (allowedSignersText === null) {
    const identity = `registry@${host}`;
    const line = `${identity} namespaces="${SIGNATURE_NAMESPACE}" ${publicKeyText(key)}`;
    return { key, identity, allowedSigners: `${line}\n`, publicKeys: [{ identity, key: publicKeyText(key) }] };
  }
  const signer = signers.find((s) => sameKey(s.key, key));
  if (!signer)
    throw new SigningKeyError(
      `签名私钥对应的公钥 ${publicKeyText(key)} 不在 keys/allowed_signers 中：用它签名的快照无法用公布的公钥核验。请把该公钥加入 keys/allowed_signers，或换用正确的私钥。`,
    );
  return { key, identity: signer.identity, allowedSigners: allowedSignersText, publicKeys };
}
