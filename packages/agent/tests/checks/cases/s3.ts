import { type BucketResponses, bucket, s3Settings } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const ALL_BLOCKED = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};
const PARTLY_BLOCKED = { ...ALL_BLOCKED, BlockPublicPolicy: false };

const TLS_ONLY = JSON.stringify({
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
const PUBLIC_READ = JSON.stringify({
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
const PUBLIC_WRITE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::drop/*" }],
});
const CLOUDFRONT_ONLY = JSON.stringify({
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
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const OWNER = {
  ID: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
  DisplayName: "owner",
};

/** A bucket as a careful owner configures it; cases override one response at a time. */
const good = (over: Partial<BucketResponses> = {}) =>
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
    objectLevelLogging: { read: true, write: true },
    ...over,
  });
const openBucket = (over: Partial<BucketResponses>) =>
  good({ publicAccessBlock: undefined, accountPublicAccessBlock: undefined, ...over });

export const s3Cases: CheckCase[] = [
  { check: "vigil.s3.bucket-encryption-enabled", name: "SSE-KMS", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-encryption-enabled",
    name: "SSE-S3",
    asset: good({
      encryption: {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      },
    }),
    expect: "pass",
    evidence: /AES256/,
  },
  {
    check: "vigil.s3.bucket-encryption-enabled",
    name: "ServerSideEncryptionConfigurationNotFoundError",
    asset: good({ encryption: undefined }),
    expect: "fail",
  },
  { check: "vigil.s3.bucket-public-read-prohibited", name: "private", asset: openBucket({}), expect: "pass" },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "policy grants s3:GetObject to *",
    asset: openBucket({ policy: PUBLIC_READ }),
    expect: "fail",
    evidence: /policy/,
  },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "ACL grants READ to AllUsers",
    asset: openBucket({
      acl: { Owner: OWNER, Grants: [{ Grantee: { Type: "Group", URI: ALL_USERS }, Permission: "READ" }] },
    }),
    expect: "fail",
    evidence: /READ to AllUsers/,
  },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "CloudFront OAC with a SourceArn condition",
    asset: openBucket({ policy: CLOUDFRONT_ONLY }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-read-prohibited",
    name: "public policy but account Block Public Access on",
    asset: good({ policy: PUBLIC_READ, publicAccessBlock: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-write-prohibited",
    name: "public read only",
    asset: openBucket({ policy: PUBLIC_READ }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-write-prohibited",
    name: "policy grants s3:PutObject to *",
    asset: openBucket({ policy: PUBLIC_WRITE }),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-public-write-prohibited",
    name: "ACL grants WRITE to AuthenticatedUsers",
    asset: openBucket({
      acl: {
        Owner: OWNER,
        Grants: [
          {
            Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" },
            Permission: "WRITE",
          },
        ],
      },
    }),
    expect: "fail",
    evidence: /AuthenticatedUsers/,
  },
  {
    check: "vigil.s3.bucket-public-access-blocked",
    name: "account-level block only",
    asset: good({ publicAccessBlock: undefined }),
    expect: "pass",
    evidence: /account/,
  },
  {
    check: "vigil.s3.bucket-public-access-blocked",
    name: "bucket-level block only",
    asset: good({ accountPublicAccessBlock: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-public-access-blocked",
    name: "bucket partly blocked, no account block",
    asset: good({ publicAccessBlock: PARTLY_BLOCKED, accountPublicAccessBlock: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-level-public-access-block-enabled",
    name: "all four on",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-level-public-access-block-enabled",
    name: "NoSuchPublicAccessBlockConfiguration",
    asset: good({ publicAccessBlock: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.s3.account-public-access-blocked",
    name: "all four on",
    asset: s3Settings(ALL_BLOCKED),
    expect: "pass",
  },
  {
    check: "vigil.s3.account-public-access-blocked",
    name: "one off",
    asset: s3Settings(PARTLY_BLOCKED),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "TLS-only policy",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "Bool as JSON boolean",
    asset: good({ policy: TLS_ONLY.replace('"false"', "false") }),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "NoSuchBucketPolicy",
    asset: good({ policy: undefined }),
    expect: "fail",
    evidence: /no policy/,
  },
  {
    check: "vigil.s3.bucket-denies-insecure-transport",
    name: "policy without the deny",
    asset: good({ policy: CLOUDFRONT_ONLY }),
    expect: "fail",
  },
  { check: "vigil.s3.bucket-versioning-enabled", name: "Enabled", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-versioning-enabled",
    name: "Suspended",
    asset: good({ versioning: { Status: "Suspended", MFADelete: "Disabled" } }),
    expect: "fail",
    evidence: /suspended/,
  },
  {
    check: "vigil.s3.bucket-versioning-enabled",
    name: "never enabled ({})",
    asset: good({ versioning: {} }),
    expect: "fail",
  },
  { check: "vigil.s3.bucket-mfa-delete-enabled", name: "MFADelete Enabled", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-mfa-delete-enabled",
    name: "MFADelete Disabled",
    asset: good({ versioning: { Status: "Enabled", MFADelete: "Disabled" } }),
    expect: "fail",
  },
  { check: "vigil.s3.bucket-access-logging-enabled", name: "LoggingEnabled", asset: good(), expect: "pass" },
  {
    check: "vigil.s3.bucket-access-logging-enabled",
    name: "empty GetBucketLogging",
    asset: good({ logging: {} }),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-write",
    name: "write data events",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-write",
    name: "read-only data events",
    asset: good({ objectLevelLogging: { read: true, write: false } }),
    expect: "fail",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-write",
    name: "event selectors not captured",
    asset: good({ objectLevelLogging: null }),
    expect: "n/a",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-read",
    name: "read data events",
    asset: good(),
    expect: "pass",
  },
  {
    check: "vigil.s3.bucket-object-level-logging-read",
    name: "write-only data events",
    asset: good({ objectLevelLogging: { read: false, write: true } }),
    expect: "fail",
  },
];
