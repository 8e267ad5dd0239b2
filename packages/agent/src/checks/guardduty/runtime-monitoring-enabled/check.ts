import { protectionCheck } from "../protection.ts";

export const runtimeMonitoringEnabled = protectionCheck({
  name: "runtime-monitoring-enabled",
  control: 11,
  plan: "Runtime Monitoring",
  ways: [["RUNTIME_MONITORING"]],
  features: "Name=RUNTIME_MONITORING,Status=ENABLED",
  rationale:
    "It observes operating-system events of EKS, ECS and EC2 workloads: the only GuardDuty source that sees what runs inside them.",
});
