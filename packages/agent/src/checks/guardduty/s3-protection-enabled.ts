import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const s3ProtectionEnabled = defineCheck({
  id: "vigil.guardduty.s3-protection-enabled",
  title: "GuardDuty S3 Protection should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "S3 Protection analyses S3 data events (object reads, writes and deletes) to detect data exfiltration and destruction in buckets.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features Name=S3_DATA_EVENTS,Status=ENABLED",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-10",
    "https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.10"] },
  evaluate: (asset) => protectionVerdict(asset, "S3 Protection", [["S3_DATA_EVENTS"]]),
});
