/**
 * Read access to the release bucket. `open` streams an object and enforces `maxBytes`; it throws
 * `ReleaseObjectMissingError`, `ReleaseObjectTooLargeError`, or `ReleaseStoreUnavailableError`
 * (transient) — never an SDK error.
 */
export interface ReleaseStore {
  /** Where a key lives, for events and messages (e.g. `s3://bucket/key`). */
  locationOf(key: string): string;
  open(key: string, maxBytes: number): Promise<AsyncIterable<Uint8Array>>;
}

/** Read a small object (a manifest, a signature) whole. */
export async function readAll(store: ReleaseStore, key: string, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await store.open(key, maxBytes)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}
