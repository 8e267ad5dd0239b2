import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("Macie is enabled in this region");
const PAUSED = fail("Macie is suspended (paused) in this region");
const OFF = fail("Macie is not enabled in this region");
export const macieEnabled = defineCheck({
  id: "vigil.macie2.enabled",
  title: "Amazon Macie should be enabled",
  severity: "medium",
  resourceType: "aws.macie2.account-settings",
  reads: ["status"],
  rationale:
    "Macie inventories S3 buckets, evaluates their security and access controls, and finds sensitive data in them; without it nobody knows where personal data sits.",
  remediation: "aws macie2 enable-macie --region <region>",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/macie-controls.html#macie-1"],
  mappings: { cis: [], fsbp: ["Macie.1"] },
  evaluate: (asset) =>
    asset.config.status === "ENABLED" ? ON : asset.config.status === "PAUSED" ? PAUSED : OFF,
});
