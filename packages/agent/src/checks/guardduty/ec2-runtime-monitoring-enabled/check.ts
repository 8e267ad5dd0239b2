import { protectionCheck } from "../protection.ts";

export const ec2RuntimeMonitoringEnabled = protectionCheck({
  name: "ec2-runtime-monitoring-enabled",
  control: 13,
  plan: "EC2 Runtime Monitoring",
  evidence: "EC2 Runtime Monitoring with managed agents",
  ways: [["RUNTIME_MONITORING", "RUNTIME_MONITORING/EC2_AGENT_MANAGEMENT"]],
  features:
    "'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=EC2_AGENT_MANAGEMENT,Status=ENABLED}]'",
  rationale:
    "When GuardDuty manages its agent on EC2 instances, new instances are monitored from their first minute.",
});
