/**
 * The hash that places a normalised key in its shard. The build and the browser must agree on
 * it bit for bit, so it is plain 32-bit integer arithmetic (FNV-1a over UTF-16 code units, then
 * MurmurHash3's finaliser so that the low bits used for the shard number are well mixed).
 */

/** 32-bit hash of a string. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Shard number of a key among `count` shards (a power of two). */
export function shardOf(key: string, count: number): number {
  return hashKey(key) & (count - 1);
}

/** File name (without `.json`) of a shard: `x` for the exact index, `g` for name grams, then hex. */
export function shardFile(kind: 'x' | 'g', shard: number): string {
  return kind + shard.toString(16);
}
