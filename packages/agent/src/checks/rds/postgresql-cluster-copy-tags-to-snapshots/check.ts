import { defineCheck } from "../../check.ts";
import { clusterCopyTags, copyTagsOutcome } from "../cluster-copy-tags.ts";

export const rdsPostgresqlClusterCopyTagsToSnapshots = defineCheck({
  id: "vigil.rds.postgresql-cluster-copy-tags-to-snapshots",
  title: "RDS for PostgreSQL DB clusters should be configured to copy tags to DB snapshots",
  ...clusterCopyTags,
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-47",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags",
  ],
  mappings: { cis: [], fsbp: ["RDS.47"] },
  evaluate: (asset) => copyTagsOutcome(asset, (engine) => engine === "postgres"),
});
