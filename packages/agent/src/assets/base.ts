import { lazySchema } from "@vigil/events";
import * as z from "zod";

/** `global` marks IAM and other account-wide resources that belong to no region. */
export const GLOBAL_REGION = "global";

export const accountIdSchema = lazySchema(() =>
  z.string().regex(/^\d{12}$/, "an AWS account id is 12 digits"),
);

/**
 * Why a field of an asset holds no value: the call behind it (`s3:GetBucketPolicy`) was denied (or
 * not captured in a snapshot), throttled past the SDK's retries, or failed otherwise.
 */
export const unreadFieldSchema = lazySchema(() =>
  z.object({
    call: z.string().min(1),
    kind: z.enum(["denied", "throttled", "failed"]),
    code: z.string().min(1),
    message: z.string(),
  }),
);
export type UnreadField = z.infer<typeof unreadFieldSchema>;

/**
 * The envelope every asset shares. `config` holds only what the checks need: assets are built in
 * the customer's account and only check results (never raw configuration) leave it.
 */
export function assetSchemaOf<const T extends string, C extends z.ZodType>(type: T, config: () => C) {
  return lazySchema(() => schemaOf(type, config()));
}

function schemaOf<const T extends string, C extends z.ZodType>(type: T, config: C) {
  return z.object({
    arn: z.string().min(1),
    type: z.literal(type),
    region: z.string().min(1),
    accountId: accountIdSchema,
    name: z.string().optional(),
    tags: z.record(z.string(), z.string()),
    config,
    /**
     * Config fields that could not be read, by name, with why: such a field is absent from
     * `config` (never a default that reads as a fact), and a check that needs it is `error`.
     */
    unread: z.record(z.string(), unreadFieldSchema).optional(),
  });
}

/** ISO-8601 timestamp as the AWS CLI prints it (the SDK's Date objects are serialised by the collector). */
export const isoDate = lazySchema(() => z.iso.datetime({ offset: true }));
