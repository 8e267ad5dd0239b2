import type { RecordedReleaseHashes } from "@vigil/events";
import { PlatformUnavailableError } from "../errors.ts";
import type { ReleaseHashes } from "./port.ts";

/** Release hashes held in memory (tests, the local demo). */
export class MemoryReleaseHashes implements ReleaseHashes {
  readonly byVersion = new Map<string, RecordedReleaseHashes>();
  failNext = 0;

  record(hashes: RecordedReleaseHashes): void {
    this.byVersion.set(hashes.version, structuredClone(hashes));
  }

  async getRecordedHashes(version: string): Promise<RecordedReleaseHashes | undefined> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new PlatformUnavailableError("memory platform: simulated outage");
    }
    const hashes = this.byVersion.get(version);
    return hashes && structuredClone(hashes);
  }
}
