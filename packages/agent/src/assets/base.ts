import * as z from "zod";

/** `global` marks IAM and other account-wide resources that belong to no region. */
export const GLOBAL_REGION = "global";

export const accountIdSchema = z.string().regex(/^\d{12}$/, "an AWS account id is 12 digits");

/**
 * The envelope every asset shares. `config` holds only what the checks need: assets are built in
 * the customer's account and only check results (never raw configuration) leave it.
 */
export function assetSchemaOf<const T extends string, C extends z.ZodType>(type: T, config: C) {
  return z.object({
    arn: z.string().min(1),
    type: z.literal(type),
    region: z.string().min(1),
    accountId: accountIdSchema,
    name: z.string().optional(),
    tags: z.record(z.string(), z.string()),
    config,
  });
}

/** ISO-8601 timestamp as the AWS CLI prints it (the SDK's Date objects are serialised by the collector). */
export const isoDate = z.iso.datetime({ offset: true });
