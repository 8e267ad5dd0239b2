import { type BucketResponses, bucket } from "./aws.ts";

export const ALL_BLOCKED = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};
export const PARTLY_BLOCKED = { ...ALL_BLOCKED, BlockPublicPolicy: false };
export const TLS_ONLY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::logs-bucket", "arn:aws:s3:::logs-bucket/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});
export const PUBLIC_READ = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "PublicRead",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["s3:GetObject"],
      Resource: "arn:aws:s3:::site/*",
    },
  ],
});
export const PUBLIC_WRITE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::drop/*" }],
});
export const CLOUDFRONT_ONLY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::site/*",
      Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } },
    },
  ],
});
export const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
export const OWNER = {
  ID: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
  DisplayName: "owner",
};
/** A lifecycle rule as `GetBucketLifecycleConfiguration` answers it: noncurrent versions expire after 90 days. */
export const EXPIRE_OLD_VERSIONS = {
  ID: "expire-noncurrent",
  Filter: { Prefix: "" },
  Status: "Enabled" as const,
  NoncurrentVersionExpiration: { NoncurrentDays: 90 },
};
/** A bucket as a careful owner configures it; cases override one response at a time. */
export const good = (over: Partial<BucketResponses> = {}) =>
  bucket({
    name: "logs-bucket",
    encryption: {
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/s3" },
            BucketKeyEnabled: true,
          },
        ],
      },
    },
    publicAccessBlock: ALL_BLOCKED,
    accountPublicAccessBlock: ALL_BLOCKED,
    versioning: { Status: "Enabled", MFADelete: "Enabled" },
    policy: TLS_ONLY,
    acl: {
      Owner: OWNER,
      Grants: [{ Grantee: { Type: "CanonicalUser", ID: OWNER.ID }, Permission: "FULL_CONTROL" }],
    },
    logging: { LoggingEnabled: { TargetBucket: "access-logs", TargetPrefix: "logs-bucket/" } },
    lifecycle: { Rules: [EXPIRE_OLD_VERSIONS] },
    objectLevelLogging: { read: true, write: true },
    ...over,
  });
export const openBucket = (over: Partial<BucketResponses>) =>
  good({ publicAccessBlock: undefined, accountPublicAccessBlock: undefined, ...over });
