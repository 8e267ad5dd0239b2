import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("build logs sent to S3 are encrypted");
const PLAIN = fail("encryption of the build logs sent to S3 is disabled");

export const projectS3LogsEncrypted = defineCheck({
  id: "vigil.codebuild.project-s3-logs-encrypted",
  title: "CodeBuild S3 logs should be encrypted",
  severity: "low",
  resourceType: "aws.codebuild.project",
  reads: ["s3LogsEnabled", "s3LogsEncryptionDisabled"],
  rationale:
    "Build logs hold commands, paths and often secrets a step printed; encrypted at rest they are only readable with access to the key.",
  remediation:
    "aws codebuild update-project --name <name> --logs-config 's3Logs={status=ENABLED,location=<bucket>/<prefix>,encryptionDisabled=false}'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-3",
    "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_S3LogsConfig.html",
  ],
  mappings: { cis: [], fsbp: ["CodeBuild.3"] },
  evaluate: (asset) => {
    if (!asset.config.s3LogsEnabled) return undefined;
    return asset.config.s3LogsEncryptionDisabled ? PLAIN : ENCRYPTED;
  },
});
