import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the cluster's storage is encrypted");
const OFF = fail("the cluster's storage is not encrypted");
export const docDbClusterEncrypted = defineCheck({
  id: "vigil.docdb.cluster-encrypted",
  title: "Amazon DocumentDB clusters should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.docdb.cluster",
  reads: ["storageEncrypted"],
  rationale:
    "Encryption at rest protects the cluster's storage, automated backups, snapshots and replicas from anyone who reaches them without going through KMS.",
  remediation:
    "Encryption is chosen at creation: snapshot the cluster, then aws docdb restore-db-cluster-from-snapshot --storage-encrypted --kms-key-id <key> and move clients",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-1",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
  ],
  mappings: { cis: [], fsbp: ["DocumentDB.1"] },
  evaluate: (asset) => (asset.config.storageEncrypted ? ON : OFF),
});
