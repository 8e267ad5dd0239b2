import { canonicalJson, type DataOf, type EventOf, RecordedReleaseHashes } from "@vigil/events";
import * as z from "zod";
import { conflict, type PlatformError } from "../http/errors.ts";

/**
 * Release hashes: the admin records each artifact's SHA-256 and size when a release is made
 * (`vigil.release.hashes-recorded.v1`, once per version); every updater reads them back as
 * `RecordedReleaseHashes`, the shape `@vigil/events` defines for the updater. Pure functions.
 */

export type HashesRecorded = EventOf<"vigil.release.hashes-recorded.v1">;

const recordedFile = z.object({
  sha256: z.string().regex(/^[a-f0-9]{64}$/, "a lower-case hex SHA-256 digest"),
  size: z.number().int().nonnegative(),
});

/** `POST /releases` body. */
export const recordReleaseBody = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, "a semantic version"),
  files: z
    .record(z.string(), recordedFile)
    .refine((files) => Object.keys(files).length > 0, "at least one file"),
  template: recordedFile.optional(),
});
export type RecordReleaseBody = z.infer<typeof recordReleaseBody>;

export type ReleaseDecision =
  | { kind: "record"; data: DataOf<"vigil.release.hashes-recorded.v1"> }
  | { kind: "already-recorded"; event: HashesRecorded }
  | { kind: "refused"; error: PlatformError };

/**
 * Hashes are written once: recording the same hashes again is a no-op (a retried publish), and
 * different hashes for a recorded version are refused — otherwise whoever holds the admin token
 * could re-point a release at tampered artifacts after updaters trusted it.
 */
export function decideReleaseRecord(
  existing: HashesRecorded | undefined,
  body: RecordReleaseBody,
  recordedBy: string,
): ReleaseDecision {
  const data = {
    version: body.version,
    files: body.files,
    ...(body.template ? { template: body.template } : {}),
    recordedBy,
  };
  if (!existing) return { kind: "record", data };
  const same =
    canonicalJson({ files: existing.data.files, template: existing.data.template ?? null }) ===
    canonicalJson({ files: data.files, template: data.template ?? null });
  if (same) return { kind: "already-recorded", event: existing };
  return {
    kind: "refused",
    error: conflict(
      "release_hashes_recorded",
      `Release ${body.version} already has hashes recorded at ${existing.time}, and they differ from these. Recorded hashes never change: publish the new artifacts as a new version.`,
    ),
  };
}

/** What `GET /releases/:version/hashes` serves: exactly the updater's `RecordedReleaseHashes`. */
export function toRecordedReleaseHashes(event: HashesRecorded): RecordedReleaseHashes {
  return RecordedReleaseHashes.parse({
    version: event.data.version,
    files: Object.fromEntries(Object.entries(event.data.files).map(([name, f]) => [name, f.sha256])),
    ...(event.data.template ? { template: event.data.template.sha256 } : {}),
  });
}
