import * as z from "zod";
import { semverSchema, sha256Schema } from "./common.ts";
import { defineEvent } from "./define.ts";
import { lazySchema } from "./lazy.ts";

/** Self-update of the in-account components by the updater Lambda. */

const componentSchema = lazySchema(() => z.enum(["agent", "updater", "stack"]));

export const updateCheckStarted = defineEvent("vigil.update.check-started.v1", () =>
  z.object({
    component: componentSchema,
    currentVersion: semverSchema,
    channel: z.enum(["stable", "beta"]),
    manifestUrl: z.url(),
  }),
);

export const updateAvailable = defineEvent("vigil.update.available.v1", () =>
  z.object({
    component: componentSchema,
    currentVersion: semverSchema,
    availableVersion: semverSchema,
    sha256: sha256Schema,
    releasedAt: z.iso.datetime({ offset: true }),
  }),
);

export const updateApplied = defineEvent("vigil.update.applied.v1", () =>
  z.object({
    component: componentSchema,
    fromVersion: semverSchema,
    toVersion: semverSchema,
    sha256: sha256Schema,
    signatureVerified: z.boolean(),
  }),
);

export const updateRefused = defineEvent("vigil.update.refused.v1", () =>
  z.object({
    component: componentSchema,
    /** Absent when the refused manifest did not even say which version it is. */
    version: semverSchema.optional(),
    /**
     * `sha256-mismatch`: the downloaded bytes hash differently from the record; `size-mismatch`:
     * their length differs; `hash-missing`: the platform recorded no hash for the release or a
     * file; `hash-disagrees`: the manifest and the platform's record name different hashes.
     */
    reason: z.enum([
      "sha256-mismatch",
      "size-mismatch",
      "hash-missing",
      "hash-disagrees",
      "signature-invalid",
      "downgrade",
      "manifest-invalid",
      "policy",
    ]),
    detail: z.string().max(1024),
  }),
);

/** A check that could not finish for a transient reason; the next check retries, nothing changed. */
export const updateCheckFailed = defineEvent("vigil.update.check-failed.v1", () =>
  z.object({
    component: componentSchema,
    currentVersion: semverSchema,
    reason: z.enum(["release-unreachable", "platform-unreachable", "release-missing", "apply-error"]),
    detail: z.string().max(1024),
    attempts: z.number().int().positive().optional(),
  }),
);

/**
 * The platform asks an integration's updater to check now (optionally for one version). It covers
 * every component the updater manages, as a scheduled check does.
 */
export const updateRequested = defineEvent("vigil.update.requested.v1", () =>
  z.object({
    /** Without it the channel's current release is used; the customer's pin always wins. */
    version: semverSchema.optional(),
    requestedBy: z.string().min(1).max(256),
  }),
);

export const updateRolledBack = defineEvent("vigil.update.rolled-back.v1", () =>
  z.object({
    component: componentSchema,
    fromVersion: semverSchema,
    toVersion: semverSchema,
    healthCheck: z.string().max(1024),
  }),
);

export const updateAlertRaised = defineEvent("vigil.update.alert-raised.v1", () =>
  z.object({
    component: componentSchema,
    severity: z.enum(["critical", "high", "medium", "low", "informational"]),
    message: z.string().min(1).max(2048),
    version: semverSchema.optional(),
  }),
);
