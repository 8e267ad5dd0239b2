import { defineCheck, fail, pass } from "../../check.ts";

const NONE = fail("the bucket has no default server-side encryption rule");
const SSE_S3 = pass("default encryption is SSE-S3 (AES256)");
const SSE_KMS = pass("default encryption uses AWS KMS");

export const bucketEncryptionEnabled = defineCheck({
  id: "vigil.s3.bucket-encryption-enabled",
  title: "S3 buckets should have default server-side encryption enabled",
  severity: "medium",
  resourceType: "aws.s3.bucket",
  reads: ["serverSideEncryption"],
  rationale:
    "Default encryption guarantees every new object is encrypted at rest even when the uploader does not ask for it.",
  remediation:
    'aws s3api put-bucket-encryption --bucket <name> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"},"BucketKeyEnabled":true}]}\'',
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-4",
  ],
  mappings: { cis: [], fsbp: [] },
  evaluate: (asset) => {
    const sse = asset.config.serverSideEncryption;
    if (sse === null) return NONE;
    return sse.sseAlgorithm === "AES256" ? SSE_S3 : SSE_KMS;
  },
});
