import { defineCheck, fail, pass } from "../../check.ts";

const LOGGED = pass("build logs go to CloudWatch Logs or S3");
const NONE = fail("build logs go neither to CloudWatch Logs nor to S3");

export const projectLoggingEnabled = defineCheck({
  id: "vigil.codebuild.project-logging-enabled",
  title: "CodeBuild project environments should have a logging configuration",
  severity: "medium",
  resourceType: "aws.codebuild.project",
  reads: ["cloudWatchLogsEnabled", "s3LogsEnabled"],
  rationale:
    "Without build logs there is no record of what a build ran, which is what an investigation of a compromised pipeline needs first.",
  remediation: "aws codebuild update-project --name <name> --logs-config 'cloudWatchLogs={status=ENABLED}'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-4",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/change-project.html#change-project-console-logs",
  ],
  mappings: { cis: [], fsbp: ["CodeBuild.4"] },
  evaluate: (asset) => (asset.config.cloudWatchLogsEnabled || asset.config.s3LogsEnabled ? LOGGED : NONE),
});
