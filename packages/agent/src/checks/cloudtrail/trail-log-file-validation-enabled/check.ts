import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("log file validation is enabled");
const OFF = fail("log file validation is disabled");
export const trailLogFileValidation = defineCheck({
  id: "vigil.cloudtrail.trail-log-file-validation-enabled",
  title: "CloudTrail log file validation should be enabled",
  severity: "low",
  resourceType: "aws.cloudtrail.trail",
  reads: ["logFileValidationEnabled"],
  rationale:
    "Digest files let you prove that log files were not modified or deleted after CloudTrail delivered them.",
  remediation: "aws cloudtrail update-trail --name <trail> --enable-log-file-validation",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["3.2"], fsbp: ["CloudTrail.4"] },
  evaluate: (asset) => (asset.config.logFileValidationEnabled ? ON : OFF),
});
