import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol';

/**
 * Capabilities and names. Keys (the server's facilitator key, a session's facilitator key, a
 * device's key) are 32 random bytes: they are stored only as SHA-256 hashes, which is enough for
 * keys of that strength (a slow password hash protects guessable secrets; nobody guesses 2^256).
 * Join codes and ids come from `crypto.randomInt`, never `Math.random`.
 */

/** A new key: 32 random bytes, base64url (43 characters, the protocol's `Key`). */
export function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** A key's hash as stored (hex SHA-256). */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Whether a key matches a stored hash, in time that does not depend on where they differ.
 *
 * @example
 * keyMatches(req.adminKey, adminKeyHash)
 */
export function keyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A session or device id: 12 characters of `[a-z0-9]` (not a secret: keys are). */
export function newId(): string {
  return randomString('abcdefghijklmnopqrstuvwxyz0123456789', 12);
}

/** A join code: {@link CODE_LENGTH} characters of {@link CODE_ALPHABET}, uniformly. */
export function newJoinCode(): string {
  return randomString(CODE_ALPHABET, CODE_LENGTH);
}
