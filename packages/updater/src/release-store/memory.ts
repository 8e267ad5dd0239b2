import {
  ReleaseObjectMissingError,
  ReleaseObjectTooLargeError,
  ReleaseStoreUnavailableError,
} from "../errors.ts";
import type { ReleaseStore } from "./port.ts";

/** An in-memory release bucket for unit tests; `failNext` simulates an unreachable bucket. */
export class MemoryReleaseStore implements ReleaseStore {
  readonly objects = new Map<string, Uint8Array>();
  /** How many upcoming `open` calls fail as unreachable. */
  failNext = 0;
  reads = 0;

  put(key: string, body: Uint8Array | string): void {
    this.objects.set(key, typeof body === "string" ? Buffer.from(body, "utf8") : body);
  }

  locationOf(key: string): string {
    return `s3://memory/${key}`;
  }

  async open(key: string, maxBytes: number): Promise<AsyncIterable<Uint8Array>> {
    this.reads++;
    if (this.failNext > 0) {
      this.failNext--;
      throw new ReleaseStoreUnavailableError(`memory bucket: simulated outage reading "${key}"`);
    }
    const body = this.objects.get(key);
    if (!body) throw new ReleaseObjectMissingError(key);
    if (body.byteLength > maxBytes) throw new ReleaseObjectTooLargeError(key, maxBytes);
    return chunked(body, 64 * 1024);
  }
}

async function* chunked(body: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < body.byteLength; i += size) yield body.subarray(i, i + size);
}
