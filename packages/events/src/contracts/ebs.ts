import * as z from "zod";
import { arnSchema, errorInfoSchema, regionSchema, scanIdSchema } from "./common.ts";
import { defineEvent } from "./define.ts";
import { lazySchema } from "./lazy.ts";
import { checkResultSchema } from "./scan.ts";

/**
 * EBS volume scanning: what runs inside the instances, assessed from copies of their disks. Every
 * step of a region's EBS scan is one of these events in the agent's log (`ebs#<scanId>#<region>`),
 * naming the resources it created, so a crash at any step resumes — or cleans up — from the log:
 * volumes planned → snapshot created → volume created (in the scanner's zone) → attached → scanned
 * (by the scanner instance) → detached → cleaned (volume and snapshot deleted); a volume that cannot
 * be scanned is skipped with the reason; the scanner group is scaled up and down; copies an earlier,
 * crashed run left behind are deleted.
 */

const volumeIdSchema = lazySchema(() => z.string().regex(/^vol-[0-9a-f]{8,17}$/, "an EBS volume id"));
const snapshotIdSchema = lazySchema(() => z.string().regex(/^snap-[0-9a-f]{8,17}$/, "an EBS snapshot id"));
const instanceIdSchema = lazySchema(() => z.string().regex(/^i-[0-9a-f]{8,17}$/, "an EC2 instance id"));
const kmsKeyIdSchema = lazySchema(() => z.string().min(1).max(2048));

export const ebsVolumesPlanned = defineEvent("vigil.ebs.volumes-planned.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    /** The Auto Scaling group of scanners in this region; absent when the region has none. */
    scannerGroup: z.string().min(1).max(255).optional(),
    /** Every EBS volume attached to a running instance that is not opted out, fixed when the scan starts. */
    volumes: z
      .array(
        z.object({
          instanceId: instanceIdSchema,
          volumeId: volumeIdSchema,
          device: z.string().min(1).max(64),
          root: z.boolean(),
          sizeGiB: z.number().int().positive(),
          encrypted: z.boolean(),
          kmsKeyId: kmsKeyIdSchema.optional(),
        }),
      )
      .max(5000),
    /** The instances those volumes belong to, with their tags (mutes and reports match on them). */
    instances: z
      .array(z.object({ instanceId: instanceIdSchema, tags: z.record(z.string(), z.string()) }))
      .max(5000),
    /** Running instances tagged out of EBS scanning. */
    optedOut: z.array(instanceIdSchema).max(5000),
    /**
     * A region's plan larger than one event is split in parts (a few hundred volumes each), appended
     * together in one transaction: the plan is the union of its parts.
     */
    part: z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() }).optional(),
  }),
);

export const ebsSnapshotCreated = defineEvent("vigil.ebs.snapshot-created.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    sourceVolumeArn: arnSchema,
    snapshotId: snapshotIdSchema,
    sizeGiB: z.number().int().positive(),
    encrypted: z.boolean(),
    instanceId: instanceIdSchema.optional(),
    kmsKeyId: kmsKeyIdSchema.optional(),
  }),
);

export const ebsVolumeCreated = defineEvent("vigil.ebs.volume-created.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    snapshotId: snapshotIdSchema,
    scanVolumeId: volumeIdSchema,
    availabilityZone: z.string().min(1).max(64),
  }),
);

export const ebsVolumeAttached = defineEvent("vigil.ebs.volume-attached.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    snapshotId: snapshotIdSchema,
    scanVolumeId: volumeIdSchema,
    scannerInstanceId: instanceIdSchema,
    device: z.string().min(1),
  }),
);

/** A package as the disk's package manager lists it. */
export const installedPackageSchema = lazySchema(() =>
  z.object({
    name: z.string().min(1).max(256),
    version: z.string().min(1).max(256),
    arch: z.string().max(64).nullable(),
  }),
);

/** What the scanner read of the operating system on a root volume: identity and inventory, never configuration. */
export const operatingSystemSchema = lazySchema(() =>
  z.object({
    id: z.string().max(64),
    name: z.string().max(256),
    versionId: z.string().max(64).nullable(),
    prettyName: z.string().max(256),
    /** Installed kernels, highest version last. */
    kernels: z.array(z.string().max(128)).max(50),
  }),
);

export const ebsScanned = defineEvent("vigil.ebs.scanned.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    sourceVolumeArn: arnSchema,
    snapshotId: snapshotIdSchema,
    filesScanned: z.number().int().nonnegative(),
    /** The OS checks' results on a root volume (all of them: the agent applies the scan's settings). */
    results: z.array(checkResultSchema),
    durationMs: z.number().nonnegative(),
    instanceId: instanceIdSchema.optional(),
    /** `root`: an operating system was found on it; `data`: none (results are empty). */
    volumeRole: z.enum(["root", "data"]).optional(),
    os: operatingSystemSchema.optional(),
    /** The package inventory; `notAssessed` says why it could not be read (never an empty list instead). */
    packages: z
      .object({
        manager: z.enum(["dpkg", "rpm", "apk"]).optional(),
        items: z.array(installedPackageSchema).max(20_000),
        /** How many are installed, when `items` lists fewer (one message holds about 150 KB of them). */
        total: z.number().int().nonnegative().optional(),
        notAssessed: z.string().max(1024).optional(),
      })
      .optional(),
    /** Why the scanner could not scan the volume (no filesystem it can mount, …): results are then empty. */
    error: errorInfoSchema.optional(),
  }),
);

export const ebsVolumeDetached = defineEvent("vigil.ebs.volume-detached.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    snapshotId: snapshotIdSchema,
    scanVolumeId: volumeIdSchema,
    scannerInstanceId: instanceIdSchema,
  }),
);

export const ebsCleaned = defineEvent("vigil.ebs.cleaned.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    snapshotId: snapshotIdSchema,
    deleted: z.array(z.enum(["snapshot", "volume"])),
    error: errorInfoSchema.optional(),
  }),
);

/** A volume the scan could not scan, and why (what the person deploying can do about it is in `detail`). */
export const ebsVolumeSkipped = defineEvent("vigil.ebs.volume-skipped.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    instanceId: instanceIdSchema,
    sourceVolumeArn: arnSchema,
    reason: z.enum([
      "no-scanner-in-region",
      "kms-key-unusable",
      "snapshot-failed",
      "volume-failed",
      "attach-failed",
      "scanner-timeout",
      "scan-failed",
    ]),
    detail: z.string().min(1).max(1024),
  }),
);

export const ebsScannerScaled = defineEvent("vigil.ebs.scanner-scaled.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    groupName: z.string().min(1).max(255),
    desiredCapacity: z.number().int().nonnegative(),
    reason: z.enum(["volumes-waiting", "idle"]),
  }),
);

/** A copy an earlier EBS scan created and never deleted (it crashed, or was stopped), deleted now. */
export const ebsLeftoverDeleted = defineEvent("vigil.ebs.leftover-deleted.v1", () =>
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    resource: z.enum(["volume", "snapshot"]),
    resourceId: z.string().regex(/^(vol|snap)-[0-9a-f]{8,17}$/),
    /** The `Vigil Scan` tag it carried. */
    createdForScan: scanIdSchema,
  }),
);
