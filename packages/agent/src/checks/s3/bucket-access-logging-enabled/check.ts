import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("server access logging is enabled");
const OFF = fail("server access logging is disabled");

export const bucketAccessLoggingEnabled = defineCheck({
  id: "vigil.s3.bucket-access-logging-enabled",
  title: "S3 buckets should have server access logging enabled",
  severity: "medium",
  resourceType: "aws.s3.bucket",
  reads: ["loggingEnabled"],
  rationale: "Access logs record every request to the bucket, which investigations and audits need.",
  remediation:
    'aws s3api put-bucket-logging --bucket <name> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<name>/"}}\'',
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-9"],
  mappings: { cis: [], fsbp: ["S3.9"] },
  evaluate: (asset) => (asset.config.loggingEnabled ? ON : OFF),
});
