import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyArtifact } from "../src/index.ts";
import { artifact, sha256 } from "./helpers/world.ts";

async function* chunks(body: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}

describe("verifyArtifact", () => {
  const body = artifact("agent 1.1.0", 5000);
  const expected = { name: "agent.zip", sha256: sha256(body), size: body.length };

  it("accepts the recorded bytes whatever the chunking, and returns them", async () => {
    for (const size of [1, 7, 4096, 10_000]) {
      const result = await verifyArtifact(chunks(body, size), expected);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.bytes.equals(body)).toBe(true);
    }
  });

  it("stops reading as soon as the download passes the recorded size", async () => {
    let pulled = 0;
    async function* endless(): AsyncIterable<Uint8Array> {
      for (;;) {
        pulled++;
        yield new Uint8Array(1000);
      }
    }
    const result = await verifyArtifact(endless(), { ...expected, size: 2500 });
    expect(result).toMatchObject({ ok: false, problem: "too-large" });
    expect(pulled).toBe(3);
  });

  it("refuses a short download as a size mismatch", async () => {
    expect(await verifyArtifact(chunks(body.subarray(1), 512), expected)).toMatchObject({
      ok: false,
      problem: "size-mismatch",
    });
  });

  it("refuses any single-bit flip anywhere (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(body.length * 8 - 1),
        fc.integer({ min: 1, max: 6000 }),
        async (bit, chunkSize) => {
          const flipped = Buffer.from(body);
          flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
          const result = await verifyArtifact(chunks(flipped, chunkSize), expected);
          expect(result).toMatchObject({ ok: false, problem: "sha256-mismatch" });
        },
      ),
      { numRuns: 500 },
    );
  });
});
