import { defineCheck, fail, pass } from "../../check.ts";

export const fileSystemInBackupPlan = defineCheck({
  id: "vigil.efs.file-system-in-backup-plan",
  title: "Amazon EFS volumes should be in backup plans",
  severity: "medium",
  resourceType: "aws.efs.file-system",
  reads: ["backupPlans", "automaticBackups"],
  rationale:
    "A file system that no AWS Backup plan selects has no scheduled recovery points to restore from after a deletion, corruption or ransomware; EFS automatic backups put it in AWS Backup's default plan for EFS.",
  remediation:
    'Assign the file system to a backup plan: aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection \'{"SelectionName":"efs","IamRoleArn":"arn:aws:iam::<account>:role/service-role/AWSBackupDefaultServiceRole","Resources":["<file-system-arn>"]}\', or turn on automatic backups: aws efs put-backup-policy --file-system-id <fs-id> --backup-policy Status=ENABLED (console: AWS Backup > Backup plans > <plan> > Assign resources).',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-2",
    "https://docs.aws.amazon.com/config/latest/developerguide/efs-in-backup-plan.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html",
  ],
  mappings: { cis: [], fsbp: ["EFS.2"] },
  evaluate: (asset) => {
    const { backupPlans, automaticBackups } = asset.config;
    if (backupPlans.length > 0)
      return pass(`selected by backup plan${backupPlans.length === 1 ? "" : "s"} ${backupPlans.join(", ")}`);
    if (automaticBackups) return pass("automatic backups put it in aws/efs/automatic-backup-plan");
    return fail("no backup plan in the region selects it, and automatic backups are off");
  },
});
