import { defineCheck, fail, pass } from "../../check.ts";

/** The variables FSBP ECS.8 looks for: AWS credentials and the ECS agent's registry auth. */
const SECRET_NAMES = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"]);

const NONE = pass("no credentials passed as plain environment variables");
export const taskDefinitionNoEnvironmentSecrets = defineCheck({
  id: "vigil.ecs.task-definition-no-environment-secrets",
  title: "Secrets should not be passed as container environment variables",
  severity: "high",
  resourceType: "aws.ecs.task-definition",
  reads: ["containers"],
  rationale:
    "Plain environment variables are readable by anyone who may describe the task definition and end up in logs; credentials belong in Secrets Manager or SSM Parameter Store.",
  remediation:
    'Move the values to Secrets Manager and reference them under "secrets" (valueFrom), or use a task role instead of access keys; then aws ecs register-task-definition --cli-input-json file://taskdef.json',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
  ],
  mappings: { cis: [], fsbp: ["ECS.8"] },
  evaluate: (asset) => {
    const found = new Set(
      asset.config.containers.flatMap((k) => k.environmentNames.filter((n) => SECRET_NAMES.has(n))),
    );
    return found.size > 0
      ? fail(`credentials in plain environment variables: ${[...found].join(", ")}`)
      : NONE;
  },
});
