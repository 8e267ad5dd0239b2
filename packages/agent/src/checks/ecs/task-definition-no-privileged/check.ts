import { defineCheck, fail, pass } from "../../check.ts";
import { containerNames } from "../containers.ts";

const NONE = pass("no container is privileged");
export const taskDefinitionNoPrivileged = defineCheck({
  id: "vigil.ecs.task-definition-no-privileged",
  title: "ECS containers should run as non-privileged",
  severity: "high",
  resourceType: "aws.ecs.task-definition",
  reads: ["containers"],
  rationale:
    "A privileged container has root's capabilities on the host instance: escaping it takes nothing more than running in it.",
  remediation:
    'Register a new revision with "privileged": false (or the parameter removed) for each container: aws ecs register-task-definition --cli-input-json file://taskdef.json',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
  ],
  mappings: { cis: [], fsbp: ["ECS.4"] },
  evaluate: (asset) => {
    const privileged = asset.config.containers.filter((k) => k.privileged);
    return privileged.length > 0 ? fail(`privileged containers: ${containerNames(privileged)}`) : NONE;
  },
});
