import { defineCheck } from "../../check.ts";
import { clusterCopyTags, copyTagsOutcome } from "../cluster-copy-tags.ts";

export const rdsAuroraClusterCopyTagsToSnapshots = defineCheck({
  id: "vigil.rds.aurora-cluster-copy-tags-to-snapshots",
  title: "Aurora DB clusters should be configured to copy tags to DB snapshots",
  ...clusterCopyTags,
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-16",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Tagging.html#USER_Tagging.CopyTags",
  ],
  mappings: { cis: [], fsbp: ["RDS.16"] },
  evaluate: (asset) => copyTagsOutcome(asset, (engine) => engine.startsWith("aurora")),
});
