import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from "node:crypto";

/**
 * Signed requests between an integration's agent (signs with its Ed25519 private key, kept in the
 * customer's SSM) and the platform (verifies with the public key it recorded when it issued the
 * credentials). The signature covers method, path, key id, timestamp and a SHA-256 digest of the body,
 * so neither the body nor the target can be swapped, and the timestamp bounds how long a captured
 * request stays usable (the platform also refuses a signature it has already seen).
 */

export const SIGNATURE_SCHEME = "VIGIL-ED25519-V1";

export const SIGNATURE_HEADERS = {
  keyId: "x-vigil-key-id",
  timestamp: "x-vigil-timestamp",
  digest: "x-vigil-digest",
  signature: "x-vigil-signature",
} as const;

/** Requests whose timestamp is further than this from the verifier's clock are refused. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface CanonicalRequestParts {
  method: string;
  /** Path as the server sees it, including the query string if any (e.g. `/agent/heartbeat`). */
  path: string;
  keyId: string;
  /** ISO 8601 UTC, e.g. `2025-03-01T12:00:00.000Z`. */
  timestamp: string;
  /** `sha-256=<base64>` of the exact body bytes (an empty body has a digest too). */
  digest: string;
}

export type RequestBody = string | Uint8Array | undefined;

export interface ServiceKeyPair {
  /** SPKI PEM: what the platform keeps. */
  publicKeyPem: string;
  /** PKCS#8 PEM: returned once, stored by the integration as an SSM SecureString. */
  privateKeyPem: string;
}

export type SignatureFailureCode =
  | "signature_missing"
  | "timestamp_invalid"
  | "request_stale"
  | "digest_mismatch"
  | "signature_invalid"
  | "public_key_invalid";

export interface SignatureFailure {
  ok: false;
  code: SignatureFailureCode;
  message: string;
}

export interface SignedRequestHeaders {
  keyId: string;
  timestamp: string;
  digest: string;
  signature: string;
}

export type HeaderSource =
  | Headers
  | Record<string, string | undefined>
  | ((name: string) => string | undefined);

export function bodyDigest(body: RequestBody): string {
  const hash = createHash("sha256");
  hash.update(body ?? "");
  return `sha-256=${hash.digest("base64")}`;
}

/** The exact string that is signed: one field a line, fixed order, no trailing newline. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    SIGNATURE_SCHEME,
    parts.method.toUpperCase(),
    parts.path,
    parts.keyId,
    parts.timestamp,
    parts.digest,
  ].join("\n");
}

export function generateServiceKeyPair(): ServiceKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export interface SignRequestInput {
  method: string;
  path: string;
  body?: RequestBody;
  keyId: string;
  privateKeyPem: string | KeyObject;
  now: Date;
}

/** Headers to add to the request. Sign the exact bytes you send. */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const timestamp = input.now.toISOString();
  const digest = bodyDigest(input.body);
  const key =
    typeof input.privateKeyPem === "string" ? createPrivateKey(input.privateKeyPem) : input.privateKeyPem;
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path,
    keyId: input.keyId,
    timestamp,
    digest,
  });
  const signature = sign(null, Buffer.from(canonical), key).toString("base64");
  return {
    [SIGNATURE_HEADERS.keyId]: input.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.digest]: digest,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}

function headerGetter(source: HeaderSource): (name: string) => string | undefined {
  if (typeof source === "function") return source;
  if (source instanceof Headers) return (name) => source.get(name) ?? undefined;
  const lower = new Map(Object.entries(source).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => lower.get(name);
}

/** Step one of verification: the four headers are present. Tells which are missing. */
export function readSignedRequestHeaders(source: HeaderSource): SignedRequestHeaders | SignatureFailure {
  const get = headerGetter(source);
  const values = {
    keyId: get(SIGNATURE_HEADERS.keyId)?.trim() ?? "",
    timestamp: get(SIGNATURE_HEADERS.timestamp)?.trim() ?? "",
    digest: get(SIGNATURE_HEADERS.digest)?.trim() ?? "",
    signature: get(SIGNATURE_HEADERS.signature)?.trim() ?? "",
  };
  const missing = (Object.keys(values) as (keyof SignedRequestHeaders)[])
    .filter((k) => values[k] === "")
    .map((k) => SIGNATURE_HEADERS[k]);
  if (missing.length > 0) {
    return {
      ok: false,
      code: "signature_missing",
      message: `Missing header(s) ${missing.join(", ")}: agent requests must be signed with the integration's service key (${SIGNATURE_SCHEME}).`,
    };
  }
  return values;
}

export function isSignatureFailure(value: unknown): value is SignatureFailure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

export interface VerifySignedRequestInput {
  method: string;
  path: string;
  body?: RequestBody;
  headers: SignedRequestHeaders;
  publicKeyPem: string | KeyObject;
  now: Date;
  maxClockSkewMs?: number;
}

export interface VerifiedRequest {
  ok: true;
  keyId: string;
  timestamp: Date;
  signature: string;
}

/**
 * Step two: a pure check (given `now` and the key) of freshness, body digest and signature.
 * Replay detection needs memory of seen signatures and is left to the verifier's store.
 */
export function verifySignedRequest(input: VerifySignedRequestInput): VerifiedRequest | SignatureFailure {
  const { headers } = input;
  const maxSkew = input.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  const timestamp = parseTimestamp(headers.timestamp);
  if (timestamp === undefined) {
    return {
      ok: false,
      code: "timestamp_invalid",
      message: `Header ${SIGNATURE_HEADERS.timestamp} must be an ISO 8601 UTC time such as 2025-01-01T00:00:00.000Z; got "${headers.timestamp}".`,
    };
  }
  const skew = Math.abs(input.now.getTime() - timestamp.getTime());
  if (skew > maxSkew) {
    return {
      ok: false,
      code: "request_stale",
      message: `Request timestamp ${headers.timestamp} is ${Math.round(skew / 1000)}s away from the platform's clock (${input.now.toISOString()}); at most ${maxSkew / 1000}s is accepted. Sign each request when sending it and check the agent's clock.`,
    };
  }
  const expectedDigest = bodyDigest(input.body);
  if (!sameString(expectedDigest, headers.digest)) {
    return {
      ok: false,
      code: "digest_mismatch",
      message: `Header ${SIGNATURE_HEADERS.digest} does not match the body received: sign the exact bytes you send (expected ${expectedDigest}).`,
    };
  }
  let key: KeyObject;
  try {
    key = typeof input.publicKeyPem === "string" ? createPublicKey(input.publicKeyPem) : input.publicKeyPem;
  } catch {
    return {
      ok: false,
      code: "public_key_invalid",
      message: `The public key recorded for ${headers.keyId} is unreadable.`,
    };
  }
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path,
    keyId: headers.keyId,
    timestamp: headers.timestamp,
    digest: headers.digest,
  });
  let valid = false;
  try {
    valid = verify(null, Buffer.from(canonical), key, Buffer.from(headers.signature, "base64"));
  } catch {
    valid = false;
  }
  if (!valid) {
    return {
      ok: false,
      code: "signature_invalid",
      message: `Signature does not verify for key ${headers.keyId}: sign "${SIGNATURE_SCHEME}\\nMETHOD\\npath\\nkeyId\\ntimestamp\\ndigest" with the private key issued for this key id.`,
    };
  }
  return { ok: true, keyId: headers.keyId, timestamp, signature: headers.signature };
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function parseTimestamp(value: string): Date | undefined {
  if (!ISO_UTC.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function sameString(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
