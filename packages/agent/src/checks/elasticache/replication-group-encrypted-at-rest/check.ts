import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("encrypted at rest");
const OFF = fail("not encrypted at rest");
export const replicationGroupEncryptedAtRest = defineCheck({
  id: "vigil.elasticache.replication-group-encrypted-at-rest",
  title: "ElastiCache for Redis replication groups should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.elasticache.replication-group",
  reads: ["atRestEncryptionEnabled"],
  rationale:
    "Encryption at rest protects the data on the nodes' disks and in their backups from anyone who reaches the storage underneath.",
  remediation:
    "Encryption at rest is set at creation: create a replication group with --at-rest-encryption-enabled from a backup of this one, then switch clients",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.4"] },
  evaluate: (asset) => (asset.config.atRestEncryptionEnabled ? ON : OFF),
});
