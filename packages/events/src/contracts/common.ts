import * as z from "zod";
import { timestampSchema } from "../envelope/envelope.ts";
import { lazySchema } from "./lazy.ts";

export { timestampSchema };

/** Primitive value schemas shared by the catalogue, named in the domain's words. */

export const accountIdSchema = lazySchema(() => z.string().regex(/^\d{12}$/, "a 12-digit AWS account id"));
export const regionSchema = lazySchema(() =>
  z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region code such as eu-west-1"),
);
/** The account field is 12 digits, empty (S3), or `aws` for AWS-managed resources (managed policies). */
export const arnSchema = lazySchema(() =>
  z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|aws)?:.+$/, "an ARN"),
);
export const integrationIdSchema = lazySchema(() => z.string().min(1).max(128));
export const scanIdSchema = lazySchema(() => z.string().min(1).max(128));
export const shardIdSchema = lazySchema(() => z.string().min(1).max(256));
export const semverSchema = lazySchema(() =>
  z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, "a semantic version"),
);
export const sha256Schema = lazySchema(() =>
  z.string().regex(/^[a-f0-9]{64}$/, "a lower-case hex SHA-256 digest"),
);
/** Asset type in Vigil's own naming, e.g. `aws.ec2.instance`, `aws.s3.bucket`. */
export const assetTypeSchema = lazySchema(() =>
  z.string().regex(/^aws\.[a-z0-9-]+\.[a-z0-9-]+$/, "an asset type like aws.ec2.instance"),
);
export const checkIdSchema = lazySchema(() => z.string().min(1).max(128));

export const severitySchema = lazySchema(() =>
  z.enum(["critical", "high", "medium", "low", "informational"]),
);
export type Severity = z.infer<typeof severitySchema>;

export const checkStatusSchema = lazySchema(() => z.enum(["pass", "fail", "muted", "error"]));
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const tagsSchema = lazySchema(() => z.record(z.string(), z.string()));

/** Identity of one asset (an AWS resource) — never its raw configuration. */
export const assetRefSchema = lazySchema(() =>
  z.object({
    arn: arnSchema,
    type: assetTypeSchema,
    region: z.union([regionSchema, z.literal("global")]),
    accountId: accountIdSchema,
    name: z.string().max(1024).optional(),
    tags: tagsSchema,
  }),
);
export type AssetRef = z.infer<typeof assetRefSchema>;

/** Error as it crosses the wire: a stable code, a message, whether a retry can help. */
export const errorInfoSchema = lazySchema(() =>
  z.object({
    code: z.string().min(1),
    message: z.string(),
    retryable: z.boolean(),
  }),
);
