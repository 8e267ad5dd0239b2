import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

/**
 * Password hashes as stored in the platform's user list: `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>`
 * (scrypt, N = 2^15, r = 8, p = 1, 16-byte salt, 32-byte key). Only hashes are configured; a
 * password never is.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const key = scryptSync(password.normalize("NFC"), salt, KEY_BYTES, { N, r: R, p: P, maxmem: MAX_MEM });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Constant-time check of `password` against a stored hash; false for a malformed hash. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  if (expected.length !== KEY_BYTES) return false;
  const key = scryptSync(password.normalize("NFC"), Buffer.from(salt, "base64url"), KEY_BYTES, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return timingSafeEqual(key, expected);
}
