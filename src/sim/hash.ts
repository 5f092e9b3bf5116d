/**
 * A fast, portable 64-bit string hash (two 32-bit FNV-1a style lanes with `Math.imul`), used for
 * state hashes in replays. Integer-only, so Node and every browser produce the same bits.
 *
 * @example
 * hashString('abc'); // '16-hex-digit string', identical in Node and Chromium
 */
export function hashString(s: string): string {
  // UTF-8 bytes read as little-endian 32-bit words: a quarter of the steps of a per-character
  // loop, and the same bits on every platform (DataView fixes the byte order).
  const bytes = utf8(s);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9e3779b1 | 0;
  const words = bytes.byteLength >>> 2;
  for (let w = 0; w < words; w++) {
    const c = view.getInt32(w << 2, true);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  for (let i = words << 2; i < bytes.byteLength; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i]!, 0x5bd1e995);
  }
  h1 ^= bytes.byteLength;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h1 >>> 7), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(1 << 16);

/** Encode into a reused buffer (grown as needed): hashing must not allocate per call. */
function utf8(s: string): Uint8Array {
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  const { written } = encoder.encodeInto(s, scratch);
  return scratch.subarray(0, written);
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
