import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import * as z from "zod";
import { lazySchema } from "../contracts/lazy.ts";
import { canonicalJson } from "./canonical-json.ts";
import { ReleaseManifest } from "./manifest.ts";

/** The detached signature stored next to a manifest (`<manifest key>.sig`). */
export const ReleaseSignature = lazySchema(() =>
  z.object({
    algorithm: z.literal("ed25519"),
    /** Which release key signed it (see `releaseKeyId`). */
    keyId: z.string().regex(/^[a-f0-9]{16}$/, "16 hex characters"),
    /** Base64 of the 64-byte Ed25519 signature over the manifest's canonical JSON. */
    signature: z.base64(),
  }),
);
export type ReleaseSignature = z.infer<typeof ReleaseSignature>;

/** A release public key the updater trusts. */
export interface ReleasePublicKey {
  keyId: string;
  key: KeyObject;
}

export interface ReleaseSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM of the public key, the form the updater is configured with. */
  publicKeyPem: string;
}

/** Stable id of a public key: the first 16 hex characters of the SHA-256 of its SPKI DER. */
export function releaseKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

/** A fresh Ed25519 release key (tests, the local demo, and infra's first-time setup). */
export function generateReleaseSigningKey(): ReleaseSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    keyId: releaseKeyId(publicKey),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** Parse trusted release keys from one or more concatenated SPKI PEM blocks (e.g. an env variable). */
export function parseReleasePublicKeys(pems: string): ReleasePublicKey[] {
  const blocks = pems.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((pem) => {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== "ed25519")
      throw new Error(`release keys must be Ed25519; got a ${key.asymmetricKeyType} key`);
    return { keyId: releaseKeyId(key), key };
  });
}

/**
 * Sign a manifest. Returns the bytes to store as the manifest (its canonical JSON, so what is
 * stored is exactly what was signed) and the detached signature document.
 */
export function signReleaseManifest(
  manifest: ReleaseManifest,
  key: Pick<ReleaseSigningKey, "keyId" | "privateKey">,
): { manifestJson: string; signature: ReleaseSignature } {
  const manifestJson = canonicalJson(ReleaseManifest.parse(manifest));
  const signature = sign(null, Buffer.from(manifestJson, "utf8"), key.privateKey).toString("base64");
  return { manifestJson, signature: { algorithm: "ed25519", keyId: key.keyId, signature } };
}

export type ManifestVerification =
  | { ok: true; manifest: ReleaseManifest; keyId: string }
  | { ok: false; reason: "manifest-invalid" | "signature-invalid"; detail: string };

/**
 * Verify a manifest's detached signature against the trusted keys, then its shape. The signature is
 * checked over the canonical JSON of the document as stored (unknown fields included), before the
 * schema strips anything, so nothing unsigned can reach the updater.
 */
export function verifyReleaseManifest(
  manifestBytes: string | Uint8Array,
  signatureBytes: string | Uint8Array,
  trustedKeys: readonly ReleasePublicKey[],
): ManifestVerification {
  const text = (b: string | Uint8Array) => (typeof b === "string" ? b : Buffer.from(b).toString("utf8"));
  let raw: unknown;
  let rawSignature: unknown;
  try {
    raw = JSON.parse(text(manifestBytes));
  } catch (e) {
    return { ok: false, reason: "manifest-invalid", detail: `manifest is not JSON: ${(e as Error).message}` };
  }
  try {
    rawSignature = JSON.parse(text(signatureBytes));
  } catch (e) {
    return {
      ok: false,
      reason: "signature-invalid",
      detail: `signature is not JSON: ${(e as Error).message}`,
    };
  }
  const sig = ReleaseSignature.safeParse(rawSignature);
  if (!sig.success)
    return {
      ok: false,
      reason: "signature-invalid",
      detail: `signature document: ${z.prettifyError(sig.error)}`,
    };
  const trusted = trustedKeys.find((k) => k.keyId === sig.data.keyId);
  if (!trusted)
    return {
      ok: false,
      reason: "signature-invalid",
      detail: `signed by key ${sig.data.keyId}, which is not a trusted release key (trusted: ${
        trustedKeys.map((k) => k.keyId).join(", ") || "none configured"
      })`,
    };
  let canonical: string;
  try {
    canonical = canonicalJson(raw);
  } catch (e) {
    return { ok: false, reason: "manifest-invalid", detail: (e as Error).message };
  }
  const valid = verify(
    null,
    Buffer.from(canonical, "utf8"),
    trusted.key,
    Buffer.from(sig.data.signature, "base64"),
  );
  if (!valid)
    return {
      ok: false,
      reason: "signature-invalid",
      detail: `Ed25519 signature does not verify against key ${trusted.keyId}: the manifest was altered or signed by another key`,
    };
  const manifest = ReleaseManifest.safeParse(raw);
  if (!manifest.success)
    return { ok: false, reason: "manifest-invalid", detail: z.prettifyError(manifest.error) };
  return { ok: true, manifest: manifest.data, keyId: trusted.keyId };
}
