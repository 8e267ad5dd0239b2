import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("the snapshot is encrypted");
const OFF = fail("the snapshot is not encrypted");
export const neptuneSnapshotEncrypted = defineCheck({
  id: "vigil.neptune.snapshot-encrypted",
  title: "Neptune DB cluster snapshots should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.neptune.cluster-snapshot",
  reads: ["storageEncrypted"],
  rationale:
    "An unencrypted snapshot is a full copy of the graph that anyone who can reach it may read or share.",
  remediation:
    "aws neptune copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <id> --target-db-cluster-snapshot-identifier <id>-encrypted --kms-key-id <key>, then delete the unencrypted one",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-6",
    "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.6"] },
  evaluate: (asset) => (asset.config.storageEncrypted ? ON : OFF),
});
