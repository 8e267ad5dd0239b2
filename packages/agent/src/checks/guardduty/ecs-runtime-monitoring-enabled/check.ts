import { protectionCheck } from "../protection.ts";

export const ecsRuntimeMonitoringEnabled = protectionCheck({
  name: "ecs-runtime-monitoring-enabled",
  control: 12,
  plan: "ECS Runtime Monitoring",
  evidence: "ECS Fargate Runtime Monitoring with managed agents",
  ways: [["RUNTIME_MONITORING", "RUNTIME_MONITORING/ECS_FARGATE_AGENT_MANAGEMENT"]],
  features:
    "'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=ECS_FARGATE_AGENT_MANAGEMENT,Status=ENABLED}]'",
  rationale:
    "On Fargate GuardDuty watches only tasks whose agent it manages itself; without it ECS tasks run unmonitored.",
});
