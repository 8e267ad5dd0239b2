import { defineCheck, fail, pass } from "../../check.ts";

export const replicationGroupAutomaticFailover = defineCheck({
  id: "vigil.elasticache.replication-group-automatic-failover",
  title: "ElastiCache for Redis replication groups should have automatic failover enabled",
  severity: "medium",
  resourceType: "aws.elasticache.replication-group",
  reads: ["automaticFailover"],
  rationale:
    "With automatic failover a replica takes over when the primary fails; without it the group is down until someone promotes one by hand.",
  remediation:
    "aws elasticache modify-replication-group --replication-group-id <id> --automatic-failover-enabled --apply-immediately (needs a replica)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.3"] },
  evaluate: (asset) => {
    const failover = asset.config.automaticFailover;
    return failover === "enabled" || failover === "enabling"
      ? pass(`automatic failover is ${failover}`)
      : fail(`automatic failover is ${failover}`);
  },
});
