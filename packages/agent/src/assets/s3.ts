import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

export const publicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});
export type PublicAccessBlock = z.infer<typeof publicAccessBlockSchema>;

/** Facts derived from the bucket policy document (see `analyzeBucketPolicy`); the document stays in the account. */
export const bucketPolicyFactsSchema = z.object({
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
});
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
