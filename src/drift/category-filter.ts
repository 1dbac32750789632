/**
 * A Bloom filter over the reference categories pooled beyond `categoryCap`, so the current
 * window's categories can be told apart as pooled (seen) or never seen, in bounded memory: 32 to
 * 64 bits per pooled category, at most 1 MiB. It never calls a pooled category unseen; it calls an
 * unseen one pooled with a probability of a few in a million up to 2^18 pooled categories (measured:
 * 4e-6 at 1000, 0.04% at 2^19, 1.8% at 10^6).
 */

import { textHashes } from "../core/checksum.js";

const BITS_PER_CATEGORY = 32;
const MAX_FILTER_BYTES = 1 << 20;
const MAX_PROBES = 16;

/** Filter size in bytes for `count` pooled categories: a power of two from 8 to MAX_FILTER_BYTES. */
export function filterBytes(count: number): number {
  let bytes = 8;
  while (bytes < MAX_FILTER_BYTES && bytes * 8 < count * BITS_PER_CATEGORY) bytes *= 2;
  return bytes;
}

/** The number of probes that minimizes false positives for this size and count (ln 2 × bits per key). */
function probes(bytes: number, count: number): number {
  return Math.min(MAX_PROBES, Math.max(1, Math.round(((bytes * 8) / count) * Math.LN2)));
}

/** Two independent 32-bit hashes of a category's text, the second mixed further to step the probes. */
function hashes(key: string | number): [number, number] {
  const [h1, mixed] = textHashes(String(key));
  let h2 = mixed ^ (mixed >>> 16);
  h2 = Math.imul(h2, 0x85ebca6b);
  h2 ^= h2 >>> 13;
  // An odd step visits distinct bits of the power-of-two table.
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

/** Builds the filter of `keys` (the pooled categories, all distinct). */
export function buildCategoryFilter(keys: readonly (string | number)[]): Uint8Array {
  const filter = new Uint8Array(filterBytes(keys.length));
  const mask = filter.length * 8 - 1;
  const k = probes(filter.length, keys.length);
  for (const key of keys) {
    const [h1, h2] = hashes(key);
    for (let p = 0; p < k; p++) {
      const bit = (h1 + p * h2) & mask;
      filter[bit >>> 3] |= 1 << (bit & 7);
    }
  }
  return filter;
}

/** Whether `key` may be among the `count` categories of `filter` (false: certainly not). */
export function filterHas(filter: Uint8Array, count: number, key: string | number): boolean {
  const mask = filter.length * 8 - 1;
  const k = probes(filter.length, count);
  const [h1, h2] = hashes(key);
  for (let p = 0; p < k; p++) {
    const bit = (h1 + p * h2) & mask;
    if ((filter[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
