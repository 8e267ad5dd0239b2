import * as z from "zod";
import { semverSchema, sha256Schema } from "./common.ts";
import { defineEvent } from "./define.ts";
import { lazySchema } from "./lazy.ts";

/** Releases as the platform records them: the second channel the updater checks artifacts against. */

const recordedFileSchema = lazySchema(() =>
  z.object({
    sha256: sha256Schema,
    size: z.number().int().nonnegative(),
  }),
);

export const releaseHashesRecorded = defineEvent("vigil.release.hashes-recorded.v1", () =>
  z.object({
    version: semverSchema,
    /** File name (as in the release manifest) → its SHA-256 and size in bytes. */
    files: z
      .record(
        z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "a file name like agent.zip"),
        recordedFileSchema,
      )
      .refine((files) => Object.keys(files).length > 0, "at least one file"),
    /** The CloudFormation template of the release, when it has one. */
    template: recordedFileSchema.optional(),
    recordedBy: z.string().min(1).max(256),
  }),
);
