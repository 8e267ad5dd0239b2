import { defineCheck } from "../../check.ts";
import { clusterCopyTags, copyTagsOutcome } from "../cluster-copy-tags.ts";

export const rdsMysqlClusterCopyTagsToSnapshots = defineCheck({
  id: "vigil.rds.mysql-cluster-copy-tags-to-snapshots",
  title: "RDS for MySQL DB clusters should be configured to copy tags to DB snapshots",
  ...clusterCopyTags,
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-48",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags",
  ],
  mappings: { cis: [], fsbp: ["RDS.48"] },
  evaluate: (asset) => copyTagsOutcome(asset, (engine) => engine === "mysql"),
});
