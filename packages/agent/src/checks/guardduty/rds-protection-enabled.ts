import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const rdsProtectionEnabled = defineCheck({
  id: "vigil.guardduty.rds-protection-enabled",
  title: "GuardDuty RDS Protection should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "RDS Protection profiles login activity to Aurora and RDS databases to detect brute force and logins from unusual places.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features Name=RDS_LOGIN_EVENTS,Status=ENABLED",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-9",
    "https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.9"] },
  evaluate: (asset) => protectionVerdict(asset, "RDS Protection", [["RDS_LOGIN_EVENTS"]]),
});
