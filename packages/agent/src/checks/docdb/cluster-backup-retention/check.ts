import { defineCheck, fail, pass } from "../../check.ts";

/** Security Hub's default `minimumBackupRetentionPeriod` for DocumentDB.2. */
const MIN_DAYS = 7;
export const docDbClusterBackupRetention = defineCheck({
  id: "vigil.docdb.cluster-backup-retention",
  title: "Amazon DocumentDB clusters should have an adequate backup retention period",
  severity: "medium",
  resourceType: "aws.docdb.cluster",
  reads: ["backupRetentionPeriod"],
  rationale:
    "A week of automated backups lets the cluster be restored to a point before an accidental or malicious change that was noticed late.",
  remediation:
    "aws docdb modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 7 --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-2",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore.html",
  ],
  mappings: { cis: [], fsbp: ["DocumentDB.2"] },
  evaluate: (asset) => {
    const days = asset.config.backupRetentionPeriod;
    return days >= MIN_DAYS
      ? pass(`backups kept ${days} days`)
      : fail(`backups kept ${days} days, fewer than ${MIN_DAYS}`);
  },
});
