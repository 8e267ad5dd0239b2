import { sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  generateReleaseSigningKey,
  parseReleasePublicKeys,
  type ReleaseManifest,
  ReleaseManifest as ReleaseManifestSchema,
  releaseKeys,
  signReleaseManifest,
  verifyReleaseManifest,
} from "../../src/release/index.ts";

const key = generateReleaseSigningKey();
const trusted = [{ keyId: key.keyId, key: key.publicKey }];
const manifest: ReleaseManifest = {
  version: "1.2.0",
  createdAt: "2030-01-01T00:00:00.000Z",
  files: [
    {
      name: "agent.zip",
      key: releaseKeys.artifact("1.2.0", "agent.zip"),
      sha256: "a".repeat(64),
      size: 10,
      function: "agent",
    },
    {
      name: "updater.zip",
      key: releaseKeys.artifact("1.2.0", "updater.zip"),
      sha256: "b".repeat(64),
      size: 20,
      function: "updater",
    },
  ],
  template: { key: "releases/1.2.0/template.json", sha256: "c".repeat(64), size: 30 },
  previousVersion: "1.1.0",
};

describe("canonicalJson", () => {
  it("sorts keys, drops whitespace and undefined members", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined, d: { z: 0, y: 1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":1.5,"z":0}}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/\$\.a/);
  });

  it("is independent of key order and formatting (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reformatted = JSON.parse(JSON.stringify(value, null, 2));
        expect(canonicalJson(reformatted)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("release manifest signature", () => {
  it("verifies what was signed, even re-formatted", () => {
    const { manifestJson, signature } = signReleaseManifest(manifest, key);
    const pretty = JSON.stringify(JSON.parse(manifestJson), null, 2);
    expect(verifyReleaseManifest(pretty, JSON.stringify(signature), trusted)).toEqual({
      ok: true,
      manifest,
      keyId: key.keyId,
    });
  });

  it("refuses any change to any field, including fields the schema does not know (property)", () => {
    const { manifestJson, signature } = signReleaseManifest(manifest, key);
    fc.assert(
      fc.property(
        fc.constantFrom<(m: Record<string, unknown> & ReleaseManifest) => void>(
          (m) => {
            m.version = "1.2.1";
          },
          (m) => {
            (m.files[0] as { sha256: string }).sha256 = "d".repeat(64);
          },
          (m) => {
            (m.files[1] as { size: number }).size += 1;
          },
          (m) => {
            m.files.reverse();
          },
          (m) => {
            delete m.template;
          },
          (m) => {
            m.extra = "unsigned";
          },
        ),
        (mutate) => {
          const m = JSON.parse(manifestJson);
          mutate(m);
          const result = verifyReleaseManifest(JSON.stringify(m), JSON.stringify(signature), trusted);
          expect(result).toMatchObject({ ok: false, reason: "signature-invalid" });
        },
      ),
    );
  });

  it("refuses an unknown key, a malformed signature document, and a signed but invalid manifest", () => {
    const other = generateReleaseSigningKey();
    const signed = signReleaseManifest(manifest, other);
    expect(
      verifyReleaseManifest(signed.manifestJson, JSON.stringify(signed.signature), trusted),
    ).toMatchObject({
      ok: false,
      reason: "signature-invalid",
      detail: expect.stringContaining(other.keyId),
    });
    expect(verifyReleaseManifest(signed.manifestJson, "{}", trusted)).toMatchObject({
      reason: "signature-invalid",
    });
    expect(verifyReleaseManifest("not json", "{}", trusted)).toMatchObject({ reason: "manifest-invalid" });
    // Signed by a trusted key but breaks the schema: refused as invalid, never used.
    const bad = canonicalJson({ ...manifest, version: "latest" });
    const sig = {
      algorithm: "ed25519",
      keyId: key.keyId,
      signature: sign(null, Buffer.from(bad), key.privateKey).toString("base64"),
    };
    expect(verifyReleaseManifest(bad, JSON.stringify(sig), trusted)).toMatchObject({
      ok: false,
      reason: "manifest-invalid",
    });
  });

  it("rejects duplicate file names, two packages for one function, and path-escaping keys", () => {
    const dup = {
      ...manifest,
      files: [manifest.files[0], { ...manifest.files[1], name: "agent.zip", function: "agent" }],
    };
    const result = ReleaseManifestSchema.safeParse(dup);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "duplicate file agent.zip",
      "more than one package for function agent",
    ]);
    expect(
      ReleaseManifestSchema.safeParse({ ...manifest, template: { ...manifest.template, key: "../x" } })
        .success,
    ).toBe(false);
  });

  it("parses trusted keys from concatenated PEM blocks", () => {
    const other = generateReleaseSigningKey();
    expect(parseReleasePublicKeys(`${key.publicKeyPem}\n${other.publicKeyPem}`).map((k) => k.keyId)).toEqual([
      key.keyId,
      other.keyId,
    ]);
    expect(parseReleasePublicKeys("")).toEqual([]);
  });
});
