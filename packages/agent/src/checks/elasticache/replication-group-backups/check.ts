import { defineCheck, fail, pass } from "../../check.ts";

const OFF = fail("automatic backups are off (SnapshotRetentionLimit 0)");
export const replicationGroupBackups = defineCheck({
  id: "vigil.elasticache.replication-group-backups",
  title: "ElastiCache for Redis clusters should have automatic backups scheduled",
  severity: "high",
  resourceType: "aws.elasticache.replication-group",
  reads: ["snapshotRetentionLimit"],
  rationale:
    "Without automatic backups a cache that holds state (sessions, queues, leaderboards) cannot be restored after corruption, deletion or a ransomware-style wipe.",
  remediation:
    "aws elasticache modify-replication-group --replication-group-id <id> --snapshot-retention-limit 7 --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.1"] },
  evaluate: (asset) => {
    const days = asset.config.snapshotRetentionLimit;
    return days >= 1 ? pass(`automatic backups kept ${days} days`) : OFF;
  },
});
