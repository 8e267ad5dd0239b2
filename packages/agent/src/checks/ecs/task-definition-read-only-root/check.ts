import { defineCheck, fail, pass } from "../../check.ts";
import { containerNames } from "../containers.ts";

const ALL = pass("every container has a read-only root file system");
export const taskDefinitionReadOnlyRoot = defineCheck({
  id: "vigil.ecs.task-definition-read-only-root",
  title: "ECS containers should be limited to read-only access to root filesystems",
  severity: "high",
  resourceType: "aws.ecs.task-definition",
  reads: ["containers"],
  rationale:
    "A writable root file system lets an attacker who gets into a container change its binaries and configuration; read-only roots confine writes to declared volumes.",
  remediation:
    'Register a new revision with "readonlyRootFilesystem": true for each container (writable paths as volumes): aws ecs register-task-definition --cli-input-json file://taskdef.json',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
  ],
  mappings: { cis: [], fsbp: ["ECS.5"] },
  evaluate: (asset) => {
    const writable = asset.config.containers.filter((k) => !k.readonlyRootFilesystem);
    return writable.length > 0 ? fail(`writable root file system: ${containerNames(writable)}`) : ALL;
  },
});
