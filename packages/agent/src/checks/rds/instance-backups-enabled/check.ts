import { defineCheck, fail, pass } from "../../check.ts";

const MIN_RETENTION_DAYS = 7;
export const rdsInstanceBackupsEnabled = defineCheck({
  id: "vigil.rds.instance-backups-enabled",
  title: "RDS DB instances should keep automated backups for at least 7 days",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["backupRetentionPeriod"],
  rationale:
    "Automated backups allow point-in-time recovery after corruption, deletion or ransomware; a short retention window may expire before the problem is noticed.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 7 --apply-immediately",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11"],
  mappings: { cis: [], fsbp: ["RDS.11"] },
  evaluate: (asset) => {
    const days = asset.config.backupRetentionPeriod;
    if (days === 0) return fail("automated backups are disabled (BackupRetentionPeriod 0)");
    return days >= MIN_RETENTION_DAYS
      ? pass(`backups are kept ${days} days`)
      : fail(`backups are kept ${days} days, fewer than ${MIN_RETENTION_DAYS}`);
  },
});
