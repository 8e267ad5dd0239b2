import * as z from "zod";
import {
  assetRefSchema,
  assetTypeSchema,
  checkIdSchema,
  checkStatusSchema,
  errorInfoSchema,
  regionSchema,
  scanIdSchema,
  severitySchema,
  shardIdSchema,
  timestampSchema,
} from "./common.ts";
import { defineEvent } from "./define.ts";

/** Scans: one pass of discovery and assessment over an account's enabled regions. */

export const scanFiltersSchema = z.object({
  assetTypes: z.array(assetTypeSchema).optional(),
  checkIds: z.array(checkIdSchema).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export const scanRequested = defineEvent(
  "vigil.scan.requested.v1",
  z.object({
    scanId: scanIdSchema,
    trigger: z.enum(["schedule", "on-demand", "event"]),
    regions: z.array(regionSchema).optional(),
    filters: scanFiltersSchema.optional(),
    requestedBy: z.string().max(256).optional(),
  }),
);

export const scanStarted = defineEvent(
  "vigil.scan.started.v1",
  z.object({
    scanId: scanIdSchema,
    regions: z.array(regionSchema),
    checkCount: z.number().int().nonnegative(),
    agentVersion: z.string().min(1),
  }),
);

export const scanRegionDiscovered = defineEvent(
  "vigil.scan.region-discovered.v1",
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    /** `opted-out` regions are recorded so an empty result is not mistaken for a clean region. */
    status: z.enum(["enabled", "opted-out", "not-authorized"]),
    shardCount: z.number().int().nonnegative(),
  }),
);

export const scanAssetDiscovered = defineEvent(
  "vigil.scan.asset-discovered.v1",
  z.object({ scanId: scanIdSchema, shardId: shardIdSchema, asset: assetRefSchema }),
);

export const checkResultSchema = z.object({
  checkId: checkIdSchema,
  status: checkStatusSchema,
  severity: severitySchema,
  title: z.string().min(1).max(512),
  /** A short, human-readable reason — never raw configuration. */
  evidence: z.string().max(1024).optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const scanAssetAssessed = defineEvent(
  "vigil.scan.asset-assessed.v1",
  z.object({
    scanId: scanIdSchema,
    shardId: shardIdSchema.optional(),
    assessedAt: timestampSchema,
    asset: assetRefSchema,
    results: z.array(checkResultSchema),
  }),
);

export const scanShardCompleted = defineEvent(
  "vigil.scan.shard-completed.v1",
  z.object({
    scanId: scanIdSchema,
    shardId: shardIdSchema,
    region: regionSchema,
    assetType: assetTypeSchema,
    assetCount: z.number().int().nonnegative(),
    apiCalls: z.number().int().nonnegative(),
    throttledCalls: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
    /** Calls of the shard failed or were denied: some of its assets may be missing from it. */
    incomplete: z.boolean().optional(),
  }),
);

export const resultTotalsSchema = z.object({
  pass: z.number().int().nonnegative(),
  fail: z.number().int().nonnegative(),
  muted: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
});

/**
 * What a completed scan looked at in full: every asset in scope of these regions (`global` for
 * IAM, S3 and the other global services) and, when given, of these asset types was assessed.
 * A report of an asset there that was not assessed since the scan started is of an asset that is
 * gone (deleted, or no longer in scope). Absent for targeted scans (an instance's rescan, a tag
 * filter), which say nothing about the assets they did not look at.
 */
export const scanCoverageSchema = z.object({
  regions: z.array(z.union([regionSchema, z.literal("global")])).min(1),
  assetTypes: z.array(assetTypeSchema).min(1).optional(),
});
export type ScanCoverage = z.infer<typeof scanCoverageSchema>;

export const scanCompleted = defineEvent(
  "vigil.scan.completed.v1",
  z.object({
    scanId: scanIdSchema,
    assetCount: z.number().int().nonnegative(),
    results: resultTotalsSchema,
    failedBySeverity: z.partialRecord(severitySchema, z.number().int().nonnegative()),
    durationMs: z.number().nonnegative(),
    coverage: scanCoverageSchema.optional(),
  }),
);

export const scanPausedForRateLimit = defineEvent(
  "vigil.scan.paused-for-rate-limit.v1",
  z.object({
    /** Absent when the pause is account-wide (e.g. a shared API budget), not one scan's. */
    scanId: scanIdSchema.optional(),
    until: timestampSchema,
    reason: z.string().min(1).max(1024),
    /** `service:Operation`, e.g. `ec2:DescribeInstances`. */
    api: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, "service:Operation, e.g. ec2:DescribeInstances"),
    region: regionSchema.optional(),
  }),
);

export const scanResumed = defineEvent(
  "vigil.scan.resumed.v1",
  z.object({
    scanId: scanIdSchema,
    pausedMs: z.number().nonnegative(),
    remainingShards: z.number().int().nonnegative(),
  }),
);

export const scanFailed = defineEvent(
  "vigil.scan.failed.v1",
  z.object({
    scanId: scanIdSchema,
    error: errorInfoSchema,
    completedShards: z.number().int().nonnegative(),
    failedShards: z.array(shardIdSchema),
  }),
);
