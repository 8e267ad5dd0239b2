import { defineCheck } from "../../check.ts";
import { lifecycleVerdict } from "../lifecycle.ts";

export const directoryBucketLifecycleConfigured = defineCheck({
  id: "vigil.s3.directory-bucket-lifecycle-configured",
  title: "S3 directory buckets should have lifecycle configurations",
  severity: "low",
  resourceType: "aws.s3.directory-bucket",
  reads: ["lifecycleRulesEnabled"],
  rationale:
    "Directory buckets hold short-lived, high-throughput data (training sets, scratch output, intermediate results); without a lifecycle rule that data and incomplete multipart uploads stay, exposed and paid for, long after the job that wrote them.",
  remediation:
    "aws s3api put-bucket-lifecycle-configuration --region <region> --bucket <name--zone-id--x-s3> --lifecycle-configuration file://lifecycle.json (expiration and abort-incomplete-multipart-upload rules; console: S3 > Directory buckets > bucket > Management > Lifecycle rules)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-25",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/directory-buckets-objects-lifecycle.html",
  ],
  mappings: { cis: [], fsbp: ["S3.25"] },
  evaluate: (asset) => lifecycleVerdict(asset.config.lifecycleRulesEnabled, "the directory bucket"),
});
