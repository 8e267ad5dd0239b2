import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("versioning is enabled");

export const bucketVersioningEnabled = defineCheck({
  id: "vigil.s3.bucket-versioning-enabled",
  title: "S3 buckets should have versioning enabled",
  severity: "low",
  resourceType: "aws.s3.bucket",
  reads: ["versioning"],
  rationale:
    "Versioning keeps earlier object versions, so an overwrite or deletion (accidental or ransomware) can be undone.",
  remediation: "aws s3api put-bucket-versioning --bucket <name> --versioning-configuration Status=Enabled",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-14"],
  mappings: { cis: [], fsbp: [], securityHub: ["S3.14"] },
  evaluate: (asset) => {
    const status = asset.config.versioning.status;
    return status === "Enabled"
      ? ON
      : fail(`versioning is ${status === "Suspended" ? "suspended" : "not enabled"}`);
  },
});
