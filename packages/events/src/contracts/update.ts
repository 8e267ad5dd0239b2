import * as z from "zod";
import { semverSchema, sha256Schema } from "./common.ts";
import { defineEvent } from "./define.ts";

/** Self-update of the in-account components by the updater Lambda. */

const componentSchema = z.enum(["agent", "updater", "stack"]);

export const updateCheckStarted = defineEvent(
  "vigil.update.check-started.v1",
  z.object({
    component: componentSchema,
    currentVersion: semverSchema,
    channel: z.enum(["stable", "beta"]),
    manifestUrl: z.url(),
  }),
);

export const updateAvailable = defineEvent(
  "vigil.update.available.v1",
  z.object({
    component: componentSchema,
    currentVersion: semverSchema,
    availableVersion: semverSchema,
    sha256: sha256Schema,
    releasedAt: z.iso.datetime({ offset: true }),
  }),
);

export const updateApplied = defineEvent(
  "vigil.update.applied.v1",
  z.object({
    component: componentSchema,
    fromVersion: semverSchema,
    toVersion: semverSchema,
    sha256: sha256Schema,
    signatureVerified: z.boolean(),
  }),
);

export const updateRefused = defineEvent(
  "vigil.update.refused.v1",
  z.object({
    component: componentSchema,
    version: semverSchema,
    reason: z.enum(["sha256-mismatch", "signature-invalid", "downgrade", "manifest-invalid", "policy"]),
    detail: z.string().max(1024),
  }),
);

export const updateRolledBack = defineEvent(
  "vigil.update.rolled-back.v1",
  z.object({
    component: componentSchema,
    fromVersion: semverSchema,
    toVersion: semverSchema,
    healthCheck: z.string().max(1024),
  }),
);

export const updateAlertRaised = defineEvent(
  "vigil.update.alert-raised.v1",
  z.object({
    component: componentSchema,
    severity: z.enum(["critical", "high", "medium", "low", "informational"]),
    message: z.string().min(1).max(2048),
    version: semverSchema.optional(),
  }),
);
