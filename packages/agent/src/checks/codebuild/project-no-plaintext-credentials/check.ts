import { defineCheck, fail, pass } from "../../check.ts";

const CLEAN = pass("no AWS credentials in plaintext environment variables");
const EXPOSED = fail("AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is a plaintext environment variable");

export const projectNoPlaintextCredentials = defineCheck({
  id: "vigil.codebuild.project-no-plaintext-credentials",
  title: "CodeBuild project environment variables should not contain clear text credentials",
  severity: "critical",
  resourceType: "aws.codebuild.project",
  reads: ["plaintextCredentialVariables"],
  rationale:
    "Plaintext variables are visible to anyone who can read the project and in build logs; the build's service role, or a Secrets Manager or Parameter Store reference, gives access without a stored key.",
  remediation:
    "aws codebuild update-project --name <name> --environment '<environment without the variable, or with it as type SECRETS_MANAGER / PARAMETER_STORE>' (and deactivate the exposed access key)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-2",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
  ],
  mappings: { cis: [], fsbp: ["CodeBuild.2"] },
  evaluate: (asset) => (asset.config.plaintextCredentialVariables.length > 0 ? EXPOSED : CLEAN),
});
