import * as z from "zod";
import { assetTypeSchema, regionSchema, scanIdSchema } from "./common.ts";
import { defineEvent } from "./define.ts";
import { lazySchema } from "./lazy.ts";

/** Resource counts: how many assets of each type live in each region (the inventory size). */

export const resourceCountsSchema = lazySchema(() =>
  z.record(
    assetTypeSchema,
    z.record(z.union([regionSchema, z.literal("global")]), z.number().int().nonnegative()),
  ),
);
export type ResourceCounts = z.infer<typeof resourceCountsSchema>;

export const countsResourceCountsReported = defineEvent("vigil.counts.resource-counts-reported.v1", () =>
  z.object({
    scanId: scanIdSchema.optional(),
    /** counts[assetType][region] */
    counts: resourceCountsSchema,
    total: z.number().int().nonnegative(),
  }),
);
