import { defineCheck, fail, pass } from "../../check.ts";
import { containerNames } from "../containers.ts";

const NOT_HOST = pass("not in host network mode");
const ROOT_USERS = new Set(["root", "0", "0:0", "root:root"]);

export const taskDefinitionHostNetworkUser = defineCheck({
  id: "vigil.ecs.task-definition-host-network-user",
  title: "Amazon ECS task definitions should have secure networking modes and user definitions",
  severity: "medium",
  resourceType: "aws.ecs.task-definition",
  reads: ["networkMode", "containers"],
  rationale:
    "A container in host network mode shares the instance's network stack; running it as root (and not explicitly privileged) gives a compromise of it the host's network.",
  remediation:
    'Register a new revision with networkMode awsvpc, or give each container a non-root user ("user": "1000"): aws ecs register-task-definition --cli-input-json file://taskdef.json',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode",
  ],
  mappings: { cis: [], fsbp: ["ECS.1"] },
  evaluate: (asset) => {
    const c = asset.config;
    if (c.networkMode !== "host") return NOT_HOST;
    const rooted = c.containers.filter((k) => !k.privileged && (k.user === null || ROOT_USERS.has(k.user)));
    return rooted.length > 0
      ? fail(`host network mode with containers running as root: ${containerNames(rooted)}`)
      : pass("host network mode, every container runs as a non-root user");
  },
});
