import * as z from "zod";
import { arnSchema, errorInfoSchema, regionSchema, scanIdSchema } from "./common.ts";
import { defineEvent } from "./define.ts";
import { checkResultSchema } from "./scan.ts";

/** EBS snapshot scanning: copy a volume's snapshot, attach it to a scanner, inspect, clean up. */

const volumeIdSchema = z.string().regex(/^vol-[0-9a-f]{8,17}$/, "an EBS volume id");
const snapshotIdSchema = z.string().regex(/^snap-[0-9a-f]{8,17}$/, "an EBS snapshot id");

export const ebsSnapshotCreated = defineEvent(
  "vigil.ebs.snapshot-created.v1",
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    sourceVolumeArn: arnSchema,
    snapshotId: snapshotIdSchema,
    sizeGiB: z.number().int().positive(),
    encrypted: z.boolean(),
  }),
);

export const ebsVolumeAttached = defineEvent(
  "vigil.ebs.volume-attached.v1",
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    snapshotId: snapshotIdSchema,
    scanVolumeId: volumeIdSchema,
    scannerInstanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/, "an EC2 instance id"),
    device: z.string().min(1),
  }),
);

export const ebsScanned = defineEvent(
  "vigil.ebs.scanned.v1",
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    sourceVolumeArn: arnSchema,
    snapshotId: snapshotIdSchema,
    filesScanned: z.number().int().nonnegative(),
    results: z.array(checkResultSchema),
    durationMs: z.number().nonnegative(),
  }),
);

export const ebsCleaned = defineEvent(
  "vigil.ebs.cleaned.v1",
  z.object({
    scanId: scanIdSchema,
    region: regionSchema,
    snapshotId: snapshotIdSchema,
    deleted: z.array(z.enum(["snapshot", "volume"])),
    error: errorInfoSchema.optional(),
  }),
);
