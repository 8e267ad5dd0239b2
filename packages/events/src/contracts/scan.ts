import * as z from "zod";
import {
  arnSchema,
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
import { lazySchema } from "./lazy.ts";

/** Scans: one pass of discovery and assessment over an account's enabled regions. */

export const scanFiltersSchema = lazySchema(() =>
  z.object({
    assetTypes: z.array(assetTypeSchema).optional(),
    checkIds: z.array(checkIdSchema).optional(),
    tags: z.record(z.string(), z.string()).optional(),
  }),
);

export const scanRequested = defineEvent("vigil.scan.requested.v1", () =>
  z.object({
    scanId: scanIdSchema,
    trigger: z.enum(["schedule", "on-demand", "event"]),
    regions: z.array(regionSchema).optional(),
    filters: scanFiltersSchema.optional(),
    requestedBy: z.string().max(256).optional(),
    /**
     * A platform command held back until then: an organization-wide scan spreads its accounts'
     * starts, and the platform hands each its request at the account's first check-in after it.
     */
    notBefore: timestampSchema.optional(),
  }),
);

/**
 * An exception: a known, accepted failure that should not alert until it expires. Every mute has
 * an owner, a reason and an expiry so that exceptions are reviewed instead of forgotten.
 */
export const muteSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    owner: z.string().min(1),
    reason: z.string().min(1),
    /** The mute stops applying at this instant. */
    expiresAt: z.iso.datetime({ offset: true }),
    match: z
      .object({
        /** A check id, or `*` for every check. */
        checkId: z.string().min(1),
        arn: z.string().min(1).optional(),
        tag: z.object({ key: z.string().min(1), value: z.string() }).optional(),
      })
      .refine((m) => m.arn !== undefined || m.tag !== undefined, {
        message: "a mute must match an asset ARN or a tag, so it never silences a check everywhere",
      }),
  }),
);
export type Mute = z.infer<typeof muteSchema>;

/** Which checks run and which failures are accepted: the stack's defaults, replaced by the platform's command. */
export const scanSettingsSchema = lazySchema(() =>
  z.object({
    /** Policy ids (`vigil-default`, `cis-aws-5.0`, `aws-fsbp`); absent: the stack's `Policies`. */
    policies: z.array(z.string().min(1).max(128)).max(50).optional(),
    enabledChecks: z.array(checkIdSchema).max(1000).default([]),
    disabledChecks: z.array(checkIdSchema).max(1000).default([]),
    mutes: z.array(muteSchema).max(1000).default([]),
  }),
);
export type ScanSettings = z.infer<typeof scanSettingsSchema>;

/**
 * A command from the platform: scans from now on run these settings (replacing the previous
 * command's, over the stack's defaults). The agent records it in its log and every scan job reads
 * the latest one, so a change reaches the next shard without a redeploy.
 */
export const scanSettingsChanged = defineEvent("vigil.scan.settings-changed.v1", () =>
  scanSettingsSchema.extend({ changedBy: z.string().min(1).max(256) }),
);

export const scanStarted = defineEvent("vigil.scan.started.v1", () =>
  z.object({
    scanId: scanIdSchema,
    regions: z.array(regionSchema),
    checkCount: z.number().int().nonnegative(),
    agentVersion: z.string().min(1),
    /** The shards the scan was split into (one job each): its progress is completed ÷ this. */
    shardCount: z.number().int().nonnegative().optional(),
  }),
);

export const scanRegionDiscovered = defineEvent("vigil.scan.region-discovered.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    /** `opted-out` regions are recorded so an empty result is not mistaken for a clean region. */
    status: z.enum(["enabled", "opted-out", "not-authorized"]),
    shardCount: z.number().int().nonnegative(),
  }),
);

export const scanAssetDiscovered = defineEvent("vigil.scan.asset-discovered.v1", () =>
  z.object({ scanId: scanIdSchema, shardId: shardIdSchema, asset: assetRefSchema }),
);

export const checkResultSchema = lazySchema(() =>
  z.object({
    checkId: checkIdSchema,
    status: checkStatusSchema,
    severity: severitySchema,
    title: z.string().min(1).max(512),
    /** A short, human-readable reason — never raw configuration. */
    evidence: z.string().max(1024).optional(),
    /** For `muted`: the mute that applied. */
    muteId: z.string().min(1).max(256).optional(),
    /** For `fail`: how to fix it (the check's remediation, CLI or console). */
    remediation: z.string().min(1).max(1024).optional(),
    /**
     * The framework requirements the check maps to, as `<policy id>:<requirement>`
     * (`cis-aws-5.0:2.1.4`, `aws-fsbp:S3.8`): what the platform scores per framework.
     */
    frameworks: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9.-]+:[\w.-]+$/)
          .max(64),
      )
      .max(32)
      .optional(),
  }),
);
export type CheckResult = z.infer<typeof checkResultSchema>;

export const scanAssetAssessed = defineEvent("vigil.scan.asset-assessed.v1", () =>
  z.object({
    scanId: scanIdSchema,
    shardId: shardIdSchema.optional(),
    assessedAt: timestampSchema,
    asset: assetRefSchema,
    results: z.array(checkResultSchema),
  }),
);

/** A call the scan could not read: its snapshot path (`<region>/<service>/<command>[/<resource>]`) and why. */
export const unreadCallSchema = lazySchema(() =>
  z.object({
    path: z.string().min(1).max(512),
    /** `denied` (access denied, or not in a snapshot), `failed` (throttled after retries, service errors). */
    kind: z.enum(["denied", "failed"]),
    code: z.string().min(1).max(128),
    message: z.string().max(512),
  }),
);
export type UnreadCall = z.infer<typeof unreadCallSchema>;

/**
 * Change-only reporting: the assets one shard saw in a scan, each with the fingerprint of its
 * report (identity and results) and whether this scan published that report. An asset whose
 * report did not change since the one last published is listed here instead of being sent again:
 * the platform takes it as seen by this scan (so it is not taken for gone), and the agent reads
 * the fingerprints back at the next scan. Split in parts of at most 500 assets.
 */
export const scanShardDigest = defineEvent("vigil.scan.shard-digest.v1", () =>
  z.object({
    scanId: scanIdSchema,
    shardId: shardIdSchema,
    seenAt: timestampSchema,
    part: z.number().int().min(1),
    parts: z.number().int().min(1),
    assets: z
      .array(
        z.object({
          arn: arnSchema,
          /** First 16 hex digits of the SHA-256 of the report's identity and results. */
          fingerprint: z.string().regex(/^[a-f0-9]{16}$/, "16 lower-case hex digits"),
          /** This scan published the asset's report (`asset-assessed`); false: unchanged, only seen. */
          reported: z.boolean(),
          /** When the report this fingerprint stands for was last published. */
          reportedAt: timestampSchema,
        }),
      )
      .max(500),
  }),
);

export const resultTotalsSchema = lazySchema(() =>
  z.object({
    pass: z.number().int().nonnegative(),
    fail: z.number().int().nonnegative(),
    muted: z.number().int().nonnegative(),
    error: z.number().int().nonnegative(),
  }),
);

export const shardTotalsSchema = lazySchema(() =>
  z.object({
    counts: z.record(assetTypeSchema, z.record(z.string(), z.number().int().nonnegative())),
    results: resultTotalsSchema,
    failedBySeverity: z.partialRecord(severitySchema, z.number().int().nonnegative()),
  }),
);
export type ShardTotals = z.infer<typeof shardTotalsSchema>;

export const uncoveredSchema = lazySchema(() =>
  z.object({
    region: z.union([regionSchema, z.literal("global"), z.literal("*")]),
    assetType: assetTypeSchema,
  }),
);
export type UncoveredPair = z.infer<typeof uncoveredSchema>;

export const scanShardCompleted = defineEvent("vigil.scan.shard-completed.v1", () =>
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
    /** The calls that could not be read (the first 100), so the scan can say what it did not see. */
    unreadCalls: z.array(unreadCallSchema).max(100).optional(),
    /**
     * What the shard's assets add up to (its `asset-assessed` events live in the shard's own
     * stream): assets by type and region, results, failures by severity. The scan's totals are the
     * sum of its shards'.
     */
    totals: shardTotalsSchema.optional(),
    /**
     * Asset types the shard could not list in full, by region (`*`: every region, for a global
     * listing such as S3's): a failed listing never makes an asset look gone.
     */
    uncovered: z.array(uncoveredSchema).max(200).optional(),
  }),
);

/**
 * What a completed scan looked at in full: every asset in scope of these regions (`global` for
 * IAM, S3 and the other global services) and, when given, of these asset types was assessed.
 * A report of an asset there that was not assessed since the scan started is of an asset that is
 * gone (deleted, or no longer in scope). Absent for targeted scans (an instance's rescan, a tag
 * filter), which say nothing about the assets they did not look at.
 */
export const scanCoverageSchema = lazySchema(() =>
  z.object({
    regions: z.array(z.union([regionSchema, z.literal("global")])).min(1),
    assetTypes: z.array(assetTypeSchema).min(1).optional(),
    /** Exceptions: (region, type) pairs in those regions the scan could not list in full (`*`: any region). */
    excluded: z.array(uncoveredSchema).max(500).optional(),
  }),
);
export type ScanCoverage = z.infer<typeof scanCoverageSchema>;

export const scanCompleted = defineEvent("vigil.scan.completed.v1", () =>
  z.object({
    scanId: scanIdSchema,
    assetCount: z.number().int().nonnegative(),
    results: resultTotalsSchema,
    failedBySeverity: z.partialRecord(severitySchema, z.number().int().nonnegative()),
    durationMs: z.number().nonnegative(),
    coverage: scanCoverageSchema.optional(),
  }),
);

export const scanPausedForRateLimit = defineEvent("vigil.scan.paused-for-rate-limit.v1", () =>
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

export const scanResumed = defineEvent("vigil.scan.resumed.v1", () =>
  z.object({
    scanId: scanIdSchema,
    pausedMs: z.number().nonnegative(),
    remainingShards: z.number().int().nonnegative(),
  }),
);

export const scanFailed = defineEvent("vigil.scan.failed.v1", () =>
  z.object({
    scanId: scanIdSchema,
    error: errorInfoSchema,
    completedShards: z.number().int().nonnegative(),
    failedShards: z.array(shardIdSchema),
  }),
);
