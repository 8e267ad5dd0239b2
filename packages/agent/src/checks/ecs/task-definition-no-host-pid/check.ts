import { defineCheck, fail, pass } from "../../check.ts";

const SHARED = fail("pidMode is host: containers see every process of the host");
const OWN = pass("the host's process namespace is not shared");
export const taskDefinitionNoHostPid = defineCheck({
  id: "vigil.ecs.task-definition-no-host-pid",
  title: "ECS task definitions should not share the host's process namespace",
  severity: "high",
  resourceType: "aws.ecs.task-definition",
  reads: ["pidMode"],
  rationale:
    "With pidMode host a container sees, and may signal or inspect, every process on the instance, breaking the isolation between tasks.",
  remediation:
    'Register a new revision without "pidMode": "host" (aws ecs register-task-definition --cli-input-json file://taskdef.json)',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode",
  ],
  mappings: { cis: [], fsbp: ["ECS.3"] },
  evaluate: (asset) => (asset.config.pidMode === "host" ? SHARED : OWN),
});
