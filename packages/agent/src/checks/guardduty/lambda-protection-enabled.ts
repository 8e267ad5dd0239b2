import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const lambdaProtectionEnabled = defineCheck({
  id: "vigil.guardduty.lambda-protection-enabled",
  title: "GuardDuty Lambda Protection should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "Lambda Protection watches the network activity of Lambda functions to detect a compromised function talking to cryptomining pools or command-and-control hosts.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features Name=LAMBDA_NETWORK_LOGS,Status=ENABLED",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-6",
    "https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.6"] },
  evaluate: (asset) => protectionVerdict(asset, "Lambda Protection", [["LAMBDA_NETWORK_LOGS"]]),
});
