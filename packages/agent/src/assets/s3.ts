import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

export const publicAccessBlockSchema = lazySchema(() =>
  z.object({
    blockPublicAcls: z.boolean(),
    ignorePublicAcls: z.boolean(),
    blockPublicPolicy: z.boolean(),
    restrictPublicBuckets: z.boolean(),
  }),
);
export type PublicAccessBlock = z.infer<typeof publicAccessBlockSchema>;

/** Facts derived from the bucket policy document (see `analyzeBucketPolicy`); the document stays in the account. */
export const bucketPolicyFactsSchema = lazySchema(() =>
  z.object({
    deniesInsecureTransport: z.boolean(),
    isPublic: z.boolean(),
    allowsPublicRead: z.boolean(),
    allowsPublicWrite: z.boolean(),
    /**
     * The actions FSBP S3.6 blocks for other accounts (s3:DeleteBucketPolicy, s3:PutBucketAcl,
     * s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl) that an Allow grants to a
     * principal outside the bucket owner's account (any principal included), sorted.
     */
    otherAccountsBlockedActions: z.array(z.string()),
  }),
);
export type BucketPolicyFacts = z.infer<typeof bucketPolicyFactsSchema>;

export const s3BucketSchema = assetSchemaOf("aws.s3.bucket", () =>
  z.object({
    /** `GetBucketEncryption` default rule; `null` when the bucket has none (buckets made before 2023). */
    serverSideEncryption: z
      .object({
        sseAlgorithm: z.enum(["AES256", "aws:kms", "aws:kms:dsse"]),
        kmsMasterKeyId: z.string().optional(),
        bucketKeyEnabled: z.boolean().optional(),
      })
      .nullable(),
    /** Bucket-level `GetPublicAccessBlock`; `null` when not configured. */
    publicAccessBlock: publicAccessBlockSchema.nullable(),
    /** Account-level `s3control GetPublicAccessBlock`, copied onto each bucket; it overrides the bucket's. */
    accountPublicAccessBlock: publicAccessBlockSchema.nullable(),
    versioning: z.object({
      /** `Disabled` stands for "never enabled" (AWS omits `Status`). */
      status: z.enum(["Enabled", "Suspended", "Disabled"]),
      mfaDelete: z.enum(["Enabled", "Disabled"]),
    }),
    /** `null` when the bucket has no policy. */
    policy: bucketPolicyFactsSchema.nullable(),
    /** `GetBucketAcl` grants to the global groups only; grants to accounts are not needed by any check. */
    publicAclGrants: z.array(
      z.object({
        grantee: z.enum(["AllUsers", "AuthenticatedUsers"]),
        permission: z.enum(["READ", "WRITE", "READ_ACP", "WRITE_ACP", "FULL_CONTROL"]),
      }),
    ),
    /** `GetBucketAcl` grants to anyone but the bucket owner (accounts, groups, e-mail addresses). */
    aclGrantsToOthers: z.number().int().nonnegative(),
    /** `GetBucketLogging` has `LoggingEnabled`. */
    loggingEnabled: z.boolean(),
    /** `GetBucketLifecycleConfiguration` rules whose `Status` is `Enabled` (0 when the bucket has none). */
    lifecycleRulesEnabled: z.number().int().nonnegative(),
    /**
     * Whether some CloudTrail trail records S3 object-level data events for this bucket (from the
     * trails' event selectors); `null` when the event selectors were not captured.
     */
    objectLevelLogging: z.object({ read: z.boolean(), write: z.boolean() }).nullable(),
  }),
);

/** Account-wide S3 settings; `arn` is the account id, region `global`. */
export const s3AccountSettingsSchema = assetSchemaOf("aws.s3.account-settings", () =>
  z.object({
    publicAccessBlock: publicAccessBlockSchema.nullable(),
  }),
);

/** One S3 access point of a region (`s3control ListAccessPoints`, `GetAccessPoint`). */
export const s3AccessPointSchema = assetSchemaOf("aws.s3.access-point", () =>
  z.object({
    accessPointName: z.string(),
    bucket: z.string(),
    /** `Internet` or `VPC` (reachable only from that VPC). */
    networkOrigin: z.string(),
    /** The access point's own Block Public Access (`GetAccessPoint`); `null` when AWS sent none. */
    publicAccessBlock: publicAccessBlockSchema.nullable(),
  }),
);

/**
 * One S3 Multi-Region Access Point (`s3control ListMultiRegionAccessPoints`, answered in us-west-2
 * for the whole account); `arn` is `arn:aws:s3::<account>:accesspoint/<alias>`, region `global`.
 */
export const s3MultiRegionAccessPointSchema = assetSchemaOf("aws.s3.multi-region-access-point", () =>
  z.object({
    accessPointName: z.string(),
    alias: z.string(),
    /** Its Block Public Access, set at creation and never changed; `null` when AWS sent none. */
    publicAccessBlock: publicAccessBlockSchema.nullable(),
  }),
);

/**
 * One S3 Express One Zone directory bucket of a region (`ListDirectoryBuckets` on the region's
 * `s3express-control` endpoint); `arn` is `arn:aws:s3express:<region>:<account>:bucket/<name>`.
 */
export const s3DirectoryBucketSchema = assetSchemaOf("aws.s3.directory-bucket", () =>
  z.object({
    /** `<base>--<zone id>--x-s3`: the Availability Zone its data lives in is part of its name. */
    bucketName: z.string(),
    /** `GetBucketLifecycleConfiguration` rules whose `Status` is `Enabled` (0 when the bucket has none). */
    lifecycleRulesEnabled: z.number().int().nonnegative(),
  }),
);
