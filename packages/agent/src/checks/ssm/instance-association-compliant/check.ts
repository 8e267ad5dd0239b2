import { defineCheck, fail, pass } from "../../check.ts";

const COMPLIANT = pass("the instance's State Manager associations ran successfully");
const NON_COMPLIANT = fail("a State Manager association failed on the instance");

export const instanceAssociationCompliant = defineCheck({
  id: "vigil.ssm.instance-association-compliant",
  title: "EC2 instances managed by Systems Manager should have an association compliance status of COMPLIANT",
  severity: "low",
  resourceType: "aws.ssm.instance",
  reads: ["associationCompliance"],
  rationale:
    "Associations keep an instance in its intended state (agents installed, settings enforced); a failed one means the instance has drifted from it.",
  remediation:
    "aws ssm describe-instance-associations-status --instance-id <id> (fix the failing association, then aws ssm start-associations-once --association-ids <association-id>)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-3",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/compliance-about.html#compliance-view-results",
  ],
  mappings: { cis: [], fsbp: ["SSM.3"] },
  evaluate: (asset) => {
    const status = asset.config.associationCompliance;
    if (status === null) return undefined;
    return status === "COMPLIANT" ? COMPLIANT : NON_COMPLIANT;
  },
});
