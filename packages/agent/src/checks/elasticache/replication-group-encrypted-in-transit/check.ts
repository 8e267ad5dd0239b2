import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("TLS is enabled for connections");
const OFF = fail("not encrypted in transit: clients connect in plaintext");
export const replicationGroupEncryptedInTransit = defineCheck({
  id: "vigil.elasticache.replication-group-encrypted-in-transit",
  title: "ElastiCache for Redis replication groups should be encrypted in transit",
  severity: "medium",
  resourceType: "aws.elasticache.replication-group",
  reads: ["transitEncryptionEnabled"],
  rationale:
    "Without TLS, cached data and AUTH tokens cross the network in plaintext to anyone who can observe the VPC traffic.",
  remediation:
    "aws elasticache modify-replication-group --replication-group-id <id> --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately (then required once clients use TLS)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html",
  ],
  mappings: { cis: [], fsbp: ["ElastiCache.5"] },
  evaluate: (asset) => (asset.config.transitEncryptionEnabled ? ON : OFF),
});
