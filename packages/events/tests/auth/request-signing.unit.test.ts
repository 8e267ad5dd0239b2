import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyDigest,
  canonicalRequest,
  generateServiceKeyPair,
  readSignedRequestHeaders,
  SIGNATURE_HEADERS,
  type SignedRequestHeaders,
  signRequest,
  verifySignedRequest,
} from "../../src/auth/index.ts";

const keys = generateServiceKeyPair();
const otherKeys = generateServiceKeyPair();
const now = new Date("2025-03-01T12:00:00.000Z");

function headersOf(signed: Record<string, string>): SignedRequestHeaders {
  const parsed = readSignedRequestHeaders(signed);
  if ("ok" in parsed) throw new Error(parsed.message);
  return parsed;
}

function signed(body: string, at = now) {
  return headersOf(
    signRequest({
      method: "POST",
      path: "/agent/events",
      body,
      keyId: "key-1",
      privateKeyPem: keys.privateKeyPem,
      now: at,
    }),
  );
}

describe("request signing", () => {
  it("produces the four headers and verifies with the matching public key", () => {
    const headers = signed('{"a":1}');
    expect(headers.keyId).toBe("key-1");
    expect(headers.timestamp).toBe(now.toISOString());
    expect(headers.digest).toBe(bodyDigest('{"a":1}'));
    const result = verifySignedRequest({
      method: "post",
      path: "/agent/events",
      body: '{"a":1}',
      headers,
      publicKeyPem: keys.publicKeyPem,
      now,
    });
    expect(result).toMatchObject({ ok: true, keyId: "key-1" });
  });

  it("canonical string has one field a line in a fixed order", () => {
    expect(canonicalRequest({ method: "get", path: "/p?q=1", keyId: "k", timestamp: "t", digest: "d" })).toBe(
      "VIGIL-ED25519-V1\nGET\n/p?q=1\nk\nt\nd",
    );
  });

  it("digest of an empty body is the SHA-256 of no bytes", () => {
    expect(bodyDigest(undefined)).toBe("sha-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    expect(bodyDigest(new Uint8Array())).toBe(bodyDigest(""));
  });

  it.each([
    ["method", { method: "PUT" }, "signature_invalid"],
    ["path", { path: "/agent/heartbeat" }, "signature_invalid"],
    ["body", { body: '{"a":2}' }, "digest_mismatch"],
    ["public key", { publicKeyPem: otherKeys.publicKeyPem }, "signature_invalid"],
  ])("rejects a request whose %s differs from what was signed", (_field, change, code) => {
    const result = verifySignedRequest({
      method: "POST",
      path: "/agent/events",
      body: '{"a":1}',
      headers: signed('{"a":1}'),
      publicKeyPem: keys.publicKeyPem,
      now,
      ...change,
    });
    expect(result).toMatchObject({ ok: false, code });
  });

  it("rejects a request whose key id header was swapped", () => {
    const headers = { ...signed("x"), keyId: "key-2" };
    const result = verifySignedRequest({
      method: "POST",
      path: "/agent/events",
      body: "x",
      headers,
      publicKeyPem: keys.publicKeyPem,
      now,
    });
    expect(result).toMatchObject({ ok: false, code: "signature_invalid" });
  });

  it("accepts up to five minutes of skew either way and refuses beyond", () => {
    const verifyAt = (offsetMs: number) =>
      verifySignedRequest({
        method: "POST",
        path: "/agent/events",
        body: "x",
        headers: signed("x"),
        publicKeyPem: keys.publicKeyPem,
        now: new Date(now.getTime() + offsetMs),
      });
    expect(verifyAt(5 * 60_000).ok).toBe(true);
    expect(verifyAt(-5 * 60_000).ok).toBe(true);
    expect(verifyAt(5 * 60_000 + 1)).toMatchObject({ ok: false, code: "request_stale" });
    expect(verifyAt(-5 * 60_000 - 1)).toMatchObject({ ok: false, code: "request_stale" });
  });

  it("refuses a timestamp that is not ISO 8601 UTC", () => {
    const headers = { ...signed("x"), timestamp: "1740830400" };
    const result = verifySignedRequest({
      method: "POST",
      path: "/agent/events",
      body: "x",
      headers,
      publicKeyPem: keys.publicKeyPem,
      now,
    });
    expect(result).toMatchObject({ ok: false, code: "timestamp_invalid" });
  });

  it("names the missing headers", () => {
    const result = readSignedRequestHeaders(new Headers({ [SIGNATURE_HEADERS.keyId]: "k" }));
    expect(result).toMatchObject({ ok: false, code: "signature_missing" });
    expect((result as { message: string }).message).toContain(SIGNATURE_HEADERS.signature);
    expect((result as { message: string }).message).not.toContain(SIGNATURE_HEADERS.keyId);
  });

  it("always verifies what it signed and never a body changed by one byte", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("GET", "POST", "PUT"),
        fc.webPath(),
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        fc.nat(),
        (method, path, body, at) => {
          const headers = headersOf(
            signRequest({ method, path, body, keyId: "k", privateKeyPem: keys.privateKeyPem, now }),
          );
          const verify = (b: Uint8Array) =>
            verifySignedRequest({ method, path, body: b, headers, publicKeyPem: keys.publicKeyPem, now });
          expect(verify(body).ok).toBe(true);
          const tampered = body.slice();
          const i = at % tampered.length;
          tampered[i] = ((tampered[i] ?? 0) + 1) % 256;
          expect(verify(tampered)).toMatchObject({ ok: false, code: "digest_mismatch" });
        },
      ),
      { numRuns: 100 },
    );
  });
});
