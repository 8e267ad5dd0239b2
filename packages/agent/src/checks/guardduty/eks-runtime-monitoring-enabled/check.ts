import { protectionCheck } from "../protection.ts";

export const eksRuntimeMonitoringEnabled = protectionCheck({
  name: "eks-runtime-monitoring-enabled",
  control: 7,
  plan: "EKS Runtime Monitoring",
  evidence: "EKS Runtime Monitoring with managed agents",
  ways: [
    ["EKS_RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT"],
    ["RUNTIME_MONITORING", "RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT"],
  ],
  features:
    "'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=EKS_ADDON_MANAGEMENT,Status=ENABLED}]'",
  rationale:
    "With the agent GuardDuty deploys on EKS nodes it sees process, file and network events inside running containers.",
});
