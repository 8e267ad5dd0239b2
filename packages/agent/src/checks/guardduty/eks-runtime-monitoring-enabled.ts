import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const eksRuntimeMonitoringEnabled = defineCheck({
  id: "vigil.guardduty.eks-runtime-monitoring-enabled",
  title: "GuardDuty EKS Runtime Monitoring should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "Runtime Monitoring of EKS nodes, with the security agent GuardDuty deploys and keeps up to date, detects threats inside running containers (process, file and network events).",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features 'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=EKS_ADDON_MANAGEMENT,Status=ENABLED}]'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-7",
    "https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.7"] },
  evaluate: (asset) =>
    protectionVerdict(asset, "EKS Runtime Monitoring with automated agent management", [
      ["EKS_RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT"],
      ["RUNTIME_MONITORING", "RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT"],
    ]),
});
