import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("MFA delete is enabled");
const OFF = fail("MFA delete is not enabled");

export const bucketMfaDeleteEnabled = defineCheck({
  id: "vigil.s3.bucket-mfa-delete-enabled",
  title: "S3 buckets should have MFA delete enabled",
  severity: "low",
  resourceType: "aws.s3.bucket",
  reads: ["versioning"],
  rationale:
    "MFA delete requires the root user's MFA to permanently delete versions or change versioning, so stolen credentials alone cannot destroy history.",
  remediation:
    "As root with MFA: aws s3api put-bucket-versioning --bucket <name> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa '<serial> <code>'",
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-20",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.1.2"], fsbp: [], securityHub: ["S3.20"] },
  evaluate: (asset) => (asset.config.versioning.mfaDelete === "Enabled" ? ON : OFF),
});
