import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A registration token is `vigil-rt.<integrationId>.<secret>`: the integration id lets the exchange
 * read exactly one stream, the 256-bit secret is what proves possession. The platform stores only
 * the SHA-256 of the whole token.
 */
const PREFIX = "vigil-rt";

export interface ParsedRegistrationToken {
  integrationId: string;
  token: string;
}

export function newRegistrationToken(
  integrationId: string,
  random: (n: number) => Buffer = randomBytes,
): string {
  return `${PREFIX}.${integrationId}.${random(32).toString("base64url")}`;
}

export function hashRegistrationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function parseRegistrationToken(token: string): ParsedRegistrationToken | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX) return undefined;
  const [, integrationId = "", secret = ""] = parts;
  if (integrationId === "" || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  return { integrationId, token };
}

export function tokenMatchesHash(token: string, sha256Hex: string): boolean {
  const a = Buffer.from(hashRegistrationToken(token), "hex");
  const b = Buffer.from(sha256Hex, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
