import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the manual snapshot is not public");
const PUBLIC = fail("the manual snapshot can be restored by any AWS account");
export const docDbSnapshotNotPublic = defineCheck({
  id: "vigil.docdb.snapshot-not-public",
  title: "Amazon DocumentDB manual cluster snapshots should not be public",
  severity: "critical",
  resourceType: "aws.docdb.cluster-snapshot",
  reads: ["snapshotType", "restoreAttributeValues"],
  rationale:
    "A public snapshot lets any AWS account restore a full copy of the cluster's data into its own account.",
  remediation:
    "aws docdb modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <id> --attribute-name restore --values-to-remove all",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-3",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore-share_cluster_snapshots.html",
  ],
  mappings: { cis: [], fsbp: ["DocumentDB.3"] },
  evaluate: (asset) => {
    if (asset.config.snapshotType !== "manual") return undefined;
    return asset.config.restoreAttributeValues.includes("all") ? PUBLIC : PRIVATE;
  },
});
