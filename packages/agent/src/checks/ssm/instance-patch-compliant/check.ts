import { defineCheck, fail, pass } from "../../check.ts";

const COMPLIANT = pass("Patch Manager reports the instance compliant");
const NON_COMPLIANT = fail("Patch Manager reports missing or failed patches on the instance");

export const instancePatchCompliant = defineCheck({
  id: "vigil.ssm.instance-patch-compliant",
  title: "EC2 instances managed by Systems Manager should have a patch compliance status of COMPLIANT",
  severity: "high",
  resourceType: "aws.ssm.instance",
  reads: ["patchCompliance"],
  rationale:
    "A non-compliant instance is missing patches its patch baseline approves, usually security fixes for known, exploitable vulnerabilities.",
  remediation:
    "aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<id> --parameters Operation=Install",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-2",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-compliance-states.html",
  ],
  mappings: { cis: [], fsbp: ["SSM.2"] },
  evaluate: (asset) => {
    const status = asset.config.patchCompliance;
    if (status === null) return undefined;
    return status === "COMPLIANT" ? COMPLIANT : NON_COMPLIANT;
  },
});
