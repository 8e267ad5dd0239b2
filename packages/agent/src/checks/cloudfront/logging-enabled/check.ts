import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("standard logging is enabled");
const OFF = fail("standard logging is disabled");

export const distributionLoggingEnabled = defineCheck({
  id: "vigil.cloudfront.logging-enabled",
  title: "CloudFront distributions should have logging enabled",
  severity: "medium",
  resourceType: "aws.cloudfront.distribution",
  reads: ["loggingEnabled"],
  rationale:
    "Access logs record every viewer request (client, object, status); without them abuse of the distribution cannot be investigated.",
  remediation:
    "Set DistributionConfig.Logging to {Enabled: true, Bucket: <bucket>.s3.amazonaws.com, Prefix: cf/, IncludeCookies: false}, then aws cloudfront update-distribution --id <id> --if-match <ETag> --distribution-config file://cfg.json (console: CloudFront > General > Edit > Standard logging).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-5",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
  ],
  mappings: { cis: [], fsbp: ["CloudFront.5"] },
  evaluate: (asset) => (asset.config.loggingEnabled ? ON : OFF),
});
