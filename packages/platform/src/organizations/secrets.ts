import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * An enrollment secret is `vigil-es.<organization integration id>.<secret id>.<secret>`: the ids
 * let enrollment read one stream and name the secret (to revoke it, and in each enrollment's
 * record), the 256-bit secret proves possession. Many accounts share one (the StackSet passes it
 * to every member stack); the platform stores only the SHA-256 of the whole string.
 */
const PREFIX = "vigil-es";

export interface ParsedEnrollmentSecret {
  organizationIntegrationId: string;
  secretId: string;
  secret: string;
}

/** Organization integration ids: short, so a member id (`<id>-<account id>`) names resources within AWS limits. */
export const ORGANIZATION_INTEGRATION_ID = /^org-[a-z0-9]{12}$/;

export function newOrganizationIntegrationId(random: (n: number) => Buffer = randomBytes): string {
  return `org-${base32(random(8)).slice(0, 12)}`;
}

/** The member integration of `accountId` in an organization integration. */
export function memberIntegrationId(organizationIntegrationId: string, accountId: string): string {
  return `${organizationIntegrationId}-${accountId}`;
}

export function newEnrollmentSecret(
  organizationIntegrationId: string,
  random: (n: number) => Buffer = randomBytes,
): { secretId: string; secret: string } {
  const secretId = base32(random(5)).slice(0, 8);
  return {
    secretId,
    secret: `${PREFIX}.${organizationIntegrationId}.${secretId}.${random(32).toString("base64url")}`,
  };
}

export function hashEnrollmentSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function parseEnrollmentSecret(secret: string): ParsedEnrollmentSecret | undefined {
  const parts = secret.split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [, organizationIntegrationId = "", secretId = "", value = ""] = parts;
  if (!ORGANIZATION_INTEGRATION_ID.test(organizationIntegrationId)) return undefined;
  if (!/^[a-z0-9]{8}$/.test(secretId) || !/^[A-Za-z0-9_-]{43}$/.test(value)) return undefined;
  return { organizationIntegrationId, secretId, secret };
}

export function secretMatchesHash(secret: string, sha256Hex: string): boolean {
  const a = Buffer.from(hashEnrollmentSecret(secret), "hex");
  const b = Buffer.from(sha256Hex, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
