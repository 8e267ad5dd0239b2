import { defineCheck } from "../../check.ts";
import { lifecycleVerdict } from "../lifecycle.ts";

export const bucketLifecycleConfigured = defineCheck({
  id: "vigil.s3.bucket-lifecycle-configured",
  title: "S3 general purpose buckets should have lifecycle configurations",
  severity: "low",
  resourceType: "aws.s3.bucket",
  reads: ["lifecycleRulesEnabled"],
  rationale:
    "Lifecycle rules expire or move objects and old versions that are no longer needed, so data is not kept (and exposed, and paid for) longer than its retention requires.",
  remediation:
    "aws s3api put-bucket-lifecycle-configuration --bucket <name> --lifecycle-configuration file://lifecycle.json (console: S3 > bucket > Management > Lifecycle rules > Create lifecycle rule)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html",
  ],
  mappings: { cis: [], fsbp: ["S3.13"] },
  evaluate: (asset) => lifecycleVerdict(asset.config.lifecycleRulesEnabled, "the bucket"),
});
