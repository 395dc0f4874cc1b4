/**
 * Seeded pseudo-random numbers for the synthetic dataset generator: mulberry32 over a 32-bit
 * state derived from a seed string. Never `Math.random` and never the clock, so one seed always
 * gives the same numbers on every machine.
 */

/** 32-bit FNV-1a hash of a string (used to turn a seed text into a PRNG state). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A deterministic random stream with the helpers the generator needs. */
export class Random {
  #state: number;

  /** A stream for `seed`; `stream` names an independent sub-stream (units, inspections…). */
  constructor(seed: string, stream = '') {
    this.#state = hash32(`${seed}\u0000${stream}`);
  }

  /** Next float in [0, 1) (mulberry32). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct elements chosen with probability proportional to their weight, in pick order. */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, count: number): T[] {
    const pool = items.map((item) => ({ item, w: Math.max(0, weight(item)) })).filter((e) => e.w > 0);
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      const total = pool.reduce((sum, e) => sum + e.w, 0);
      let r = this.next() * total;
      let i = 0;
      while (i < pool.length - 1 && r >= pool[i]!.w) r -= pool[i++]!.w;
      chosen.push(pool[i]!.item);
      pool.splice(i, 1);
    }
    return chosen;
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';

/**
 * A bijection of [0, modulus) (an affine map `n·a + b mod modulus` with `a` coprime to the
 * modulus): distinct serial numbers give distinct, random-looking numbers. Computed in BigInt,
 * so it is exact for any modulus up to 2^53.
 */
export class Permutation {
  readonly #a: bigint;
  readonly #b: bigint;
  readonly #modulus: bigint;

  constructor(random: Random, modulus: number) {
    let a = random.int(1_000_003, 99_999_999) | 1;
    while (gcd(a, modulus) !== 1) a += 2;
    this.#a = BigInt(a);
    this.#b = BigInt(Math.floor(random.next() * modulus));
    this.#modulus = BigInt(modulus);
  }

  apply(n: number): number {
    const big = BigInt(n);
    if (big < 0n || big >= this.#modulus) throw new RangeError(`Permutation: ${n} outside [0, ${this.#modulus})`);
    return Number((big * this.#a + this.#b) % this.#modulus);
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** `n` in base 36, zero-padded to exactly `width` characters (throws when it does not fit). */
export function base36(n: number, width: number): string {
  const text = n.toString(36);
  if (text.length > width) throw new RangeError(`base36: ${n} needs more than ${width} characters`);
  return text.padStart(width, '0');
}

/** `n` in hexadecimal, zero-padded to exactly `width` digits (throws when it does not fit). */
export function hex(n: number, width: number): string {
  const text = n.toString(16);
  if (text.length > width) throw new RangeError(`hex: ${n} needs more than ${width} digits`);
  return text.padStart(width, '0');
}

/** `n` in decimal, zero-padded to exactly `width` digits (throws when it does not fit). */
export function decimal(n: number, width: number): string {
  const text = String(n);
  if (text.length > width) throw new RangeError(`decimal: ${n} needs more than ${width} digits`);
  return text.padStart(width, '0');
}
