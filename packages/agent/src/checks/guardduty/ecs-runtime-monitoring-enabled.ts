import { defineCheck } from "../check.ts";
import { GUARDDUTY_READS, protectionVerdict } from "./protection.ts";

export const ecsRuntimeMonitoringEnabled = defineCheck({
  id: "vigil.guardduty.ecs-runtime-monitoring-enabled",
  title: "GuardDuty ECS Runtime Monitoring should be enabled",
  severity: "medium",
  resourceType: "aws.guardduty.account-settings",
  reads: [...GUARDDUTY_READS],
  rationale:
    "On Fargate GuardDuty can only watch tasks whose security agent it manages itself; without it ECS tasks run unmonitored.",
  remediation:
    "aws guardduty update-detector --detector-id <detector-id> --features 'Name=RUNTIME_MONITORING,Status=ENABLED,AdditionalConfiguration=[{Name=ECS_FARGATE_AGENT_MANAGEMENT,Status=ENABLED}]'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-12",
    "https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html",
  ],
  mappings: { cis: [], fsbp: ["GuardDuty.12"] },
  evaluate: (asset) =>
    protectionVerdict(asset, "ECS Fargate Runtime Monitoring with automated agent management", [
      ["RUNTIME_MONITORING", "RUNTIME_MONITORING/ECS_FARGATE_AGENT_MANAGEMENT"],
    ]),
});
