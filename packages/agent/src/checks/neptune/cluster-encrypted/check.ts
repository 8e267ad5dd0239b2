import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the cluster's storage is encrypted");
const OFF = fail("the cluster's storage is not encrypted");
export const neptuneClusterEncrypted = defineCheck({
  id: "vigil.neptune.cluster-encrypted",
  title: "Neptune DB clusters should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.neptune.cluster",
  reads: ["storageEncrypted"],
  rationale:
    "Encryption at rest protects the graph's storage, backups, snapshots and replicas from anyone who reaches them without going through KMS.",
  remediation:
    "Encryption is chosen at creation: snapshot the cluster, then aws neptune restore-db-cluster-from-snapshot --kms-key-id <key> and move clients",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-1",
    "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.1"] },
  evaluate: (asset) => (asset.config.storageEncrypted ? ON : OFF),
});
