import { createPublicKey, type KeyObject } from "node:crypto";
import { generateServiceKeyPair } from "@vigil/events";

/**
 * A service credential is an Ed25519 key pair. Its id is `vigil-key.<integrationId>.<public key>`
 * (the raw 32-byte key, base64url): the `credentials-issued` event records the id, so the event log
 * alone says which key may sign for which integration, and verification reads one stream.
 */
const PREFIX = "vigil-key";

export interface IssuedServiceCredential {
  keyId: string;
  publicKeyPem: string;
  /** Returned to the caller once and never stored by the platform. */
  privateKeyPem: string;
}

export function issueServiceCredential(integrationId: string): IssuedServiceCredential {
  const pair = generateServiceKeyPair();
  const jwk = createPublicKey(pair.publicKeyPem).export({ format: "jwk" });
  return { keyId: `${PREFIX}.${integrationId}.${jwk.x}`, ...pair };
}

export interface ParsedKeyId {
  integrationId: string;
  publicKey: KeyObject;
}

export function parseKeyId(keyId: string): ParsedKeyId | undefined {
  const parts = keyId.split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX) return undefined;
  const [, integrationId = "", x = ""] = parts;
  if (integrationId === "" || !/^[A-Za-z0-9_-]{43}$/.test(x)) return undefined;
  try {
    return {
      integrationId,
      publicKey: createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" }),
    };
  } catch {
    return undefined;
  }
}
