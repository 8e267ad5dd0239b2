import { defineCheck, fail, pass } from "../../check.ts";

const BLOCKED = pass("public sharing of SSM documents is blocked in the region");
const ALLOWED = fail("SSM documents can be shared publicly in the region");

export const documentPublicSharingBlocked = defineCheck({
  id: "vigil.ssm.document-public-sharing-blocked",
  title: "SSM documents should have the block public sharing setting enabled",
  severity: "critical",
  resourceType: "aws.ssm.document-sharing-setting",
  reads: ["settingValue"],
  rationale:
    "With the setting blocked, no document of the region can be made public by mistake, whatever permissions its owners have.",
  remediation:
    "aws ssm update-service-setting --setting-id /ssm/documents/console/public-sharing-permission --setting-value Disable",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-7",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html#block-public-access",
  ],
  mappings: { cis: [], fsbp: ["SSM.7"] },
  evaluate: (asset) => (asset.config.settingValue === "Disable" ? BLOCKED : ALLOWED),
});
