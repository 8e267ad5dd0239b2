import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const runtimeMonitoringEnabled = defineCheck({
  id: "vigil.guardduty.runtime-monitoring-enabled",
  title: "GuardDuty Runtime Monitoring should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "Runtime Monitoring observes operating-system events of EKS, ECS and EC2 workloads, the only GuardDuty source that sees what runs inside them.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features Name=RUNTIME_MONITORING,Status=ENABLED",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-11",
    "https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.11"] },
  evaluate: (asset) => protectionVerdict(asset, "Runtime Monitoring", [["RUNTIME_MONITORING"]]),
});
