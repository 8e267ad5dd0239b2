import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the manual snapshot is not public");
const PUBLIC = fail("the manual snapshot can be restored by any AWS account");
export const neptuneSnapshotNotPublic = defineCheck({
  id: "vigil.neptune.snapshot-not-public",
  title: "Neptune DB cluster snapshots should not be public",
  severity: "critical",
  resourceType: "aws.neptune.cluster-snapshot",
  reads: ["snapshotType", "restoreAttributeValues"],
  rationale: "A public snapshot lets any AWS account restore a full copy of the graph into its own account.",
  remediation:
    "aws neptune modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <id> --attribute-name restore --values-to-remove all",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-3",
    "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-share-snapshot.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.3"] },
  evaluate: (asset) => {
    if (asset.config.snapshotType !== "manual") return undefined;
    return asset.config.restoreAttributeValues.includes("all") ? PUBLIC : PRIVATE;
  },
});
