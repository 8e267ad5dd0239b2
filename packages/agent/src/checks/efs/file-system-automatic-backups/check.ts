import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("automatic backups are enabled");
const OFF = fail("automatic backups are off (backup policy not ENABLED)");

export const fileSystemAutomaticBackups = defineCheck({
  id: "vigil.efs.file-system-automatic-backups",
  title: "EFS file systems should have automatic backups enabled",
  severity: "medium",
  resourceType: "aws.efs.file-system",
  reads: ["automaticBackups"],
  rationale:
    "With automatic backups on, AWS Backup keeps daily recovery points of the file system, so deleted or encrypted files can be restored.",
  remediation:
    "aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED (console: EFS > file system > General > Edit > Automatic backups)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-7",
    "https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html#automatic-backups",
  ],
  mappings: { cis: [], fsbp: ["EFS.7"] },
  evaluate: (asset) => (asset.config.automaticBackups ? ON : OFF),
});
