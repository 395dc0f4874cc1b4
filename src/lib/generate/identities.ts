/**
 * Public identities of synthetic accounts: a handle that matches the platform's
 * `handle_pattern`, a URL on the platform's hosts and other identifiers (WeChat original IDs,
 * QR links). Every identity is built from a serial number that the generator never reuses,
 * through fixed-width encodings and bijections, so no two accounts or impostors can share a
 * handle, URL or identifier, even after the validator's normalisation (lower-casing, URL folding).
 */
import { hostMatches } from '../../shared/normalize.ts';
import type { Platform } from '../schema/platforms.ts';
import { ALNUM, base36, decimal, HEX, hex, LOWER_ALNUM, Permutation, type Random } from './random.ts';

export interface Identity {
  handle: string;
  url: string | null;
  identifiers: string[];
}

/** What an identity is made from. */
export interface IdentitySeed {
  /** Never-reused serial number (accounts and impostors share one counter). */
  serial: number;
  /** Lower-case letters the handle starts with, e.g. `anjy` (county and unit initials). */
  prefix: string;
  /** Lower-case pinyin of the region, for app package names. */
  region: string;
}

type Maker = (seed: IdentitySeed) => Identity;

/** Serials fit in 5 base-36 characters (about 60 million). */
const SERIAL_WIDTH = 5;

/** Base64 of ASCII text (a WeChat `__biz` is the base64 of a decimal number). */
function base64(text: string): string {
  return Buffer.from(text, 'ascii').toString('base64');
}

export class IdentityFactory {
  readonly #random: Random;
  readonly #makers: ReadonlyMap<string, Maker>;
  readonly #patterns = new Map<string, RegExp>();

  constructor(random: Random) {
    this.#random = random;
    const r = random;
    const perm9 = new Permutation(r, 1e9);
    const perm15 = new Permutation(r, 1e15);
    const perm15b = new Permutation(r, 1e15);
    const permHex = new Permutation(r, 16 ** 6);
    const permTag = new Permutation(r, 36 ** SERIAL_WIDTH);
    const tag = (serial: number) => base36(permTag.apply(serial), SERIAL_WIDTH);
    const token = (length: number, serial: number) => `${r.chars(ALNUM, length)}${tag(serial)}`;

    this.#makers = new Map<string, Maker>([
      [
        'wechat',
        ({ serial, prefix }) => {
          const biz = base64(String(3_000_000_000 + perm9.apply(serial)));
          const identifiers = [`gh_${r.chars(HEX, 6)}${hex(permHex.apply(serial), 6)}`];
          if (r.chance(0.3)) identifiers.push(`http://weixin.qq.com/r/${token(8, serial)}`);
          return {
            handle: `${prefix}${tag(serial)}`,
            url: `https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=${biz}`,
            identifiers,
          };
        },
      ],
      ['channels', ({ serial }) => ({ handle: `sph${r.chars(LOWER_ALNUM, 4)}${tag(serial)}`, url: null, identifiers: [] })],
      ['miniprogram', ({ serial }) => ({ handle: `wx${r.chars(HEX, 10)}${hex(permHex.apply(serial), 6)}`, url: null, identifiers: [] })],
      [
        'weibo',
        ({ serial }) => {
          // 10 digits starting with 5: never an 11-digit mobile number.
          const uid = String(5_000_000_000 + perm9.apply(serial));
          return { handle: uid, url: `https://weibo.com/u/${uid}`, identifiers: [] };
        },
      ],
      [
        'douyin',
        ({ serial, prefix }) => ({
          handle: `${prefix}${tag(serial)}`,
          url: `https://www.douyin.com/user/MS4wLjABAAAA${token(14, serial)}`,
          identifiers: [],
        }),
      ],
      [
        'kuaishou',
        ({ serial, prefix }) => ({
          handle: `${prefix}_${tag(serial)}`,
          url: `https://www.kuaishou.com/profile/3x${r.chars(LOWER_ALNUM, 8)}${tag(serial)}`,
          identifiers: [],
        }),
      ],
      [
        'toutiao',
        ({ serial }) => ({
          handle: `1${decimal(perm15.apply(serial), 15)}`,
          url: `https://www.toutiao.com/c/user/token/MS4wLjABAAAA${token(14, serial)}/`,
          identifiers: [],
        }),
      ],
      [
        'bilibili',
        ({ serial }) => {
          const uid = `3${decimal(perm15b.apply(serial), 15)}`;
          return { handle: uid, url: `https://space.bilibili.com/${uid}`, identifiers: [] };
        },
      ],
      [
        'xiaohongshu',
        ({ serial, prefix }) => ({
          handle: `${prefix}${tag(serial)}`,
          url: `https://www.xiaohongshu.com/user/profile/${r.chars(HEX, 18)}${hex(permHex.apply(serial), 6)}`,
          identifiers: [],
        }),
      ],
      [
        'app',
        ({ serial, prefix, region }) => ({
          handle: `cn.gov.${region}.${prefix}${tag(serial)}`,
          url: `https://apps.apple.com/cn/app/id${1_000_000_000 + perm9.apply(serial)}`,
          identifiers: [],
        }),
      ],
    ]);
  }

  /** Whether the factory can make handles for a platform (a recipe, or a generic handle that fits its pattern). */
  canMake(platform: Platform): boolean {
    if (this.#makers.has(platform.id)) return true;
    try {
      this.#check(platform, this.#generic(platform, { serial: 0, prefix: 'ab', region: 'ab' }));
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the platform gets a public URL for its accounts. */
  static hasUrl(platform: Platform): boolean {
    return platform.url_required && platform.hosts.length > 0;
  }

  /**
   * A new identity on a platform. Platforms the generator has no recipe for (added to the
   * catalogue later) get a letters-and-digits handle and a URL on their first host; the
   * result is checked against the catalogue, so a recipe that drifts from the data fails loudly.
   */
  make(platform: Platform, seed: IdentitySeed): Identity {
    const maker = this.#makers.get(platform.id);
    const identity = maker ? maker(seed) : this.#generic(platform, seed);
    this.#check(platform, identity);
    return identity;
  }

  #generic(platform: Platform, seed: IdentitySeed): Identity {
    const handle = `${seed.prefix}${base36(seed.serial, SERIAL_WIDTH)}`;
    const host = platform.hosts.find((h) => !h.startsWith('*.'));
    const url = IdentityFactory.hasUrl(platform) && host ? `https://${host}/${this.#random.chars(LOWER_ALNUM, 4)}${handle}` : null;
    return { handle, url, identifiers: [] };
  }

  #check(platform: Platform, identity: Identity): void {
    let re = this.#patterns.get(platform.id);
    if (!re) {
      re = new RegExp(`^(?:${platform.handle_pattern})$`, 'u');
      this.#patterns.set(platform.id, re);
    }
    if (!re.test(identity.handle)) {
      throw new Error(`generator: handle ${identity.handle} does not match ${platform.id}'s handle_pattern ${platform.handle_pattern}`);
    }
    if (identity.url !== null) {
      const host = new URL(identity.url).hostname;
      if (!platform.hosts.some((h) => hostMatches(host, h))) {
        throw new Error(`generator: URL ${identity.url} is not on ${platform.id}'s hosts (${platform.hosts.join(', ')})`);
      }
    } else if (platform.url_required) {
      throw new Error(`generator: platform ${platform.id} requires a URL and the generator has none for it`);
    }
  }
}
