import { createHash } from "node:crypto";

export type ArtifactCheck =
  | { ok: true; bytes: Buffer; sha256: string }
  | { ok: false; problem: "too-large" | "size-mismatch" | "sha256-mismatch"; detail: string };

/**
 * Hash a download as it streams (SHA-256) and stop reading as soon as it exceeds the size the
 * manifest recorded, so a hostile object can neither exhaust memory nor slip past the hash.
 */
export async function verifyArtifact(
  chunks: AsyncIterable<Uint8Array>,
  expected: { name: string; sha256: string; size: number },
): Promise<ArtifactCheck> {
  const hash = createHash("sha256");
  const parts: Buffer[] = [];
  let received = 0;
  for await (const chunk of chunks) {
    received += chunk.byteLength;
    if (received > expected.size)
      // Leaving the loop closes the underlying stream.
      return {
        ok: false,
        problem: "too-large",
        detail: `${expected.name}: more than the ${expected.size} bytes recorded; download stopped`,
      };
    hash.update(chunk);
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  if (received !== expected.size)
    return {
      ok: false,
      problem: "size-mismatch",
      detail: `${expected.name}: ${received} bytes, the release recorded ${expected.size}`,
    };
  const sha256 = hash.digest("hex");
  if (sha256 !== expected.sha256)
    return {
      ok: false,
      problem: "sha256-mismatch",
      detail: `${expected.name}: SHA-256 ${sha256} differs from the ${expected.sha256} recorded at release`,
    };
  return { ok: true, bytes: Buffer.concat(parts, received), sha256 };
}
