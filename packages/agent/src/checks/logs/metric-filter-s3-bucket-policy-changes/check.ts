import { metricFilterCheck } from "../metric-filter.ts";

/** CIS 4.8 (Security Hub CloudWatch.8). */
export const metricFilterS3BucketPolicyChanges = metricFilterCheck({
  pattern: "s3-bucket-policy-changes",
  what: "S3 bucket policy changes",
  cis: "4.8",
  control: "CloudWatch.8",
});
