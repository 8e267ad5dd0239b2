import { defineCheck, fail, pass } from "../../check.ts";

const AUTH = pass("Redis OSS AUTH is enabled");

/** Redis OSS before 6.0 has no access control lists: AUTH is its only authentication. */
function beforeSix(version: string): boolean {
  const major = Number.parseInt(version.split(".")[0] ?? "", 10);
  return Number.isFinite(major) && major < 6;
}

export const cacheClusterRedisAuthEnabled = defineCheck({
  id: "vigil.elasticache.cache-cluster-redis-auth-enabled",
  title: "ElastiCache (Redis OSS) replication groups of earlier versions should have Redis OSS AUTH enabled",
  severity: "medium",
  resourceType: "aws.elasticache.cache-cluster",
  reads: ["authTokenEnabled", "engine", "engineVersion", "replicationGroupId"],
  rationale:
    "Redis OSS before 6.0 has no users or ACLs: without an AUTH token, anything that reaches the node's port can read and write every key.",
  remediation:
    "aws elasticache modify-replication-group --replication-group-id <id> --auth-token <token> --auth-token-update-strategy ROTATE --apply-immediately (in-transit encryption must be on), or upgrade to Redis OSS 6+ and use RBAC user groups",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-6",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.6"] },
  evaluate: (asset) => {
    const c = asset.config;
    // The control is about replication groups' Redis OSS nodes before 6.0 (6.0 and later have RBAC).
    if (c.engine !== "redis" || c.replicationGroupId === null || !beforeSix(c.engineVersion))
      return undefined;
    return c.authTokenEnabled ? AUTH : fail(`Redis OSS ${c.engineVersion} node without AUTH`);
  },
});
