import { createHash, randomUUID } from "node:crypto";

/** Namespace of Vigil's name-based event ids (a fixed random UUID; never change it). */
export const VIGIL_ID_NAMESPACE = "6f1d7a52-3c1e-4f57-9a0b-2d8e4b9c1f30";

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll("-", ""), "hex");
}

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same namespace and name always give the same id. */
export function uuidV5(name: string, namespace: string = VIGIL_ID_NAMESPACE): string {
  const hash = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Deterministic event id for an event that may be produced again on retry: derived from the
 * stream and the version it is meant to occupy (plus an optional discriminator, e.g. the type
 * when one step emits several events), so a retried producer emits the same id and
 * deduplication by `source + id` works.
 */
export function deterministicEventId(streamId: string, version: number, discriminator = ""): string {
  return uuidV5(`${streamId}\u0000${version}\u0000${discriminator}`);
}

/** Random id for events that are never re-produced (user actions, one-off commands). */
export function randomEventId(): string {
  return randomUUID();
}
