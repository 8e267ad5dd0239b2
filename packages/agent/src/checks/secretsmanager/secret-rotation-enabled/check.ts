import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("automatic rotation is enabled");
const OFF = fail("automatic rotation is disabled");
export const secretRotationEnabled = defineCheck({
  id: "vigil.secretsmanager.secret-rotation-enabled",
  title: "Secrets Manager secrets should have automatic rotation enabled",
  severity: "medium",
  resourceType: "aws.secretsmanager.secret",
  reads: ["rotationEnabled"],
  rationale:
    "A secret that never changes stays useful to whoever copied it; automatic rotation limits how long a leaked credential works.",
  remediation:
    "aws secretsmanager rotate-secret --secret-id <name> --rotation-lambda-arn <function-arn> --rotation-rules AutomaticallyAfterDays=30 (managed rotation for RDS, Redshift, DocumentDB needs no function)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
  ],
  mappings: { cis: [], fsbp: ["SecretsManager.1"] },
  evaluate: (asset) => (asset.config.rotationEnabled ? ON : OFF),
});
