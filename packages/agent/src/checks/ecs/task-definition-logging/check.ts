import { defineCheck, fail, pass } from "../../check.ts";
import { containerNames } from "../containers.ts";

const ALL = pass("every container has a log driver");
export const taskDefinitionLogging = defineCheck({
  id: "vigil.ecs.task-definition-logging",
  title: "ECS task definitions should have a logging configuration",
  severity: "high",
  resourceType: "aws.ecs.task-definition",
  reads: ["containers"],
  rationale:
    "Without a log driver a container's output is lost when its task stops, and with it what an investigation needs.",
  remediation:
    'Register a new revision with a logConfiguration (e.g. "logDriver": "awslogs") for each container: aws ecs register-task-definition --cli-input-json file://taskdef.json',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
  ],
  mappings: { cis: [], fsbp: ["ECS.9"] },
  evaluate: (asset) => {
    const silent = asset.config.containers.filter((k) => !k.logging);
    return silent.length > 0 ? fail(`no log driver: ${containerNames(silent)}`) : ALL;
  },
});
