import { defineCheck, fail, pass } from "../../check.ts";

/** Security Hub's default `minimumBackupRetentionPeriod` for Neptune.5. */
const MIN_DAYS = 7;
export const neptuneClusterBackupRetention = defineCheck({
  id: "vigil.neptune.cluster-backup-retention",
  title: "Neptune DB clusters should have automated backups enabled",
  severity: "medium",
  resourceType: "aws.neptune.cluster",
  reads: ["backupRetentionPeriod"],
  rationale:
    "A week of automated backups lets the graph be restored to a point before an accidental or malicious change that was noticed late.",
  remediation:
    "aws neptune modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 7 --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-5",
    "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview-backups.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.5"] },
  evaluate: (asset) => {
    const days = asset.config.backupRetentionPeriod;
    return days >= MIN_DAYS
      ? pass(`backups kept ${days} days`)
      : fail(`backups kept ${days} days, fewer than ${MIN_DAYS}`);
  },
});
