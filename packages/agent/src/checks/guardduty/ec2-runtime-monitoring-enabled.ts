import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const ec2RuntimeMonitoringEnabled = defineCheck({
  id: "vigil.guardduty.ec2-runtime-monitoring-enabled",
  title: "GuardDuty EC2 Runtime Monitoring should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "With automated agent management GuardDuty installs and updates its security agent on EC2 instances, so new instances are monitored from their first minute.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features 'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=EC2_AGENT_MANAGEMENT,Status=ENABLED}]'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-13",
    "https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.13"] },
  evaluate: (asset) =>
    protectionVerdict(asset, "EC2 Runtime Monitoring with automated agent management", [
      ["RUNTIME_MONITORING", "RUNTIME_MONITORING/EC2_AGENT_MANAGEMENT"],
    ]),
});
