import { defineCheck, fail, pass } from "../../check.ts";

export const elastiCacheCacheClusterAutoMinorVersionUpgrade = defineCheck({
  id: "vigil.elasticache.cache-cluster-auto-minor-version-upgrade",
  title: "ElastiCache clusters should have automatic minor version upgrades enabled",
  severity: "high",
  resourceType: "aws.elasticache.cache-cluster",
  reads: ["autoMinorVersionUpgrade"],
  rationale:
    "Minor versions carry security fixes; a cluster that takes them in its maintenance window does not stay exposed until someone upgrades it by hand.",
  remediation:
    "aws elasticache modify-cache-cluster --cache-cluster-id <id> --auto-minor-version-upgrade --apply-immediately (for a replication group: aws elasticache modify-replication-group --replication-group-id <id> --auto-minor-version-upgrade).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.2"] },
  evaluate: (asset) =>
    asset.config.autoMinorVersionUpgrade
      ? pass("automatic minor version upgrades are enabled")
      : fail("automatic minor version upgrades are disabled"),
});
