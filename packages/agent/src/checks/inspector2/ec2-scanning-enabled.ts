import { defineCheck, fail, pass } from "../check.ts";

const ON = pass("Inspector EC2 scanning is enabled in this region");
const OFF = fail("Inspector EC2 scanning is not enabled in this region");
export const ec2ScanningEnabled = defineCheck({
  id: "vigil.inspector2.ec2-scanning-enabled",
  title: "Amazon Inspector EC2 scanning should be enabled",
  severity: "high",
  resourceType: "aws.inspector2.account-settings",
  reads: ["ec2Status"],
  rationale:
    "Inspector scans EC2 instances continuously for software vulnerabilities and unintended network exposure; without it a vulnerable package stays unnoticed until exploited.",
  remediation: "aws inspector2 enable --resource-types EC2 --account-ids <account-id> --region <region>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html#inspector-1",
    "https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html",
  ],
  mappings: { cis: [], fsbp: ["Inspector.1"] },
  evaluate: (asset) => (asset.config.ec2Status === "ENABLED" ? ON : OFF),
});
