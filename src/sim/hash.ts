/**
 * A fast, portable 64-bit string hash (two 32-bit FNV-1a style lanes with `Math.imul`), used for
 * state hashes in replays. Integer-only, so Node and every browser produce the same bits.
 *
 * @example
 * hashString('abc'); // '16-hex-digit string', identical in Node and Chromium
 */
export function hashString(s: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9e3779b1 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h1 >>> 7), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Hash of a plain, JSON-serialisable value. Key order is the data's own (built deterministically).
 *
 * @example
 * const before = hashValue(state); // compare after a call that must not mutate its input
 */
export function hashValue(v: unknown): string {
  return hashString(JSON.stringify(v));
}
