import type { RecordedReleaseHashes } from "@vigil/events";

/**
 * The SHA-256 recorded for each artifact when the release was made, obtained from the platform —
 * a channel separate from the release bucket, so tampering with the bucket alone is detected.
 * Returns `undefined` when the platform has no record of the version; throws
 * `PlatformUnavailableError` (transient) when it cannot be asked.
 */
export interface ReleaseHashes {
  getRecordedHashes(version: string): Promise<RecordedReleaseHashes | undefined>;
}
