import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("test reports exported to S3 are encrypted");
const PLAIN = fail("encryption of the test reports exported to S3 is disabled");

export const reportGroupExportEncrypted = defineCheck({
  id: "vigil.codebuild.report-group-export-encrypted",
  title: "CodeBuild report group exports should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.codebuild.report-group",
  reads: ["exportConfigType", "exportEncryptionDisabled"],
  rationale:
    "Exported test results describe the code under test and may carry data from its fixtures; encrypted at rest they need the key as well as the bucket.",
  remediation:
    "aws codebuild update-report-group --arn <arn> --export-config 'exportConfigType=S3,s3Destination={bucket=<bucket>,encryptionDisabled=false,encryptionKey=<kms-key-arn>}'",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-7",
    "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_S3ReportExportConfig.html",
  ],
  mappings: { cis: [], fsbp: ["CodeBuild.7"] },
  evaluate: (asset) => {
    if (asset.config.exportConfigType !== "S3") return undefined;
    return asset.config.exportEncryptionDisabled ? PLAIN : ENCRYPTED;
  },
});
