import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("GuardDuty is enabled in this region");
const NONE = fail("GuardDuty is not enabled in this region (no detector)");
const SUSPENDED = fail("GuardDuty is suspended in this region");
export const detectorEnabled = defineCheck({
  id: "vigil.guardduty.detector-enabled",
  title: "GuardDuty should be enabled",
  severity: "high",
  resourceType: "aws.guardduty.account-settings",
  reads: ["detectorId", "status"],
  rationale:
    "GuardDuty analyses CloudTrail, VPC flow logs and DNS logs for known-bad behaviour; a region without it has no managed threat detection, and attackers favour unused regions.",
  remediation:
    "aws guardduty create-detector --enable --region <region> (or aws guardduty update-detector --detector-id <detector-id> --enable)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.1"] },
  evaluate: (asset) =>
    asset.config.detectorId === null ? NONE : asset.config.status === "ENABLED" ? ON : SUSPENDED,
});
