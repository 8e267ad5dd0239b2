import { defineCheck, fail, pass } from "../../check.ts";

export const rdsClusterEncrypted = defineCheck({
  id: "vigil.rds.cluster-encrypted",
  title: "RDS DB clusters should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["storageEncrypted"],
  rationale:
    "Encryption at rest with KMS protects the cluster's storage, backups, replicas and snapshots from anyone who reaches the disks or copies of them without the key.",
  remediation:
    "Encryption cannot be turned on in place: take a snapshot, copy it with --kms-key-id <key>, restore the encrypted copy with aws rds restore-db-cluster-from-snapshot, then move clients to it.",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-27",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.27"] },
  evaluate: (asset) =>
    asset.config.storageEncrypted
      ? pass("the cluster's storage is encrypted")
      : fail("the cluster's storage is not encrypted"),
});
