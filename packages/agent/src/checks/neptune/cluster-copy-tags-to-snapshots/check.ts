import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("tags are copied to snapshots");
const OFF = fail("tags are not copied to snapshots");
export const neptuneClusterCopyTagsToSnapshots = defineCheck({
  id: "vigil.neptune.cluster-copy-tags-to-snapshots",
  title: "Neptune DB clusters should be configured to copy tags to snapshots",
  severity: "low",
  resourceType: "aws.neptune.cluster",
  reads: ["copyTagsToSnapshot"],
  rationale:
    "Snapshots without the cluster's tags escape the tag-based access policies, ownership and data classification that apply to the cluster.",
  remediation:
    "aws neptune modify-db-cluster --db-cluster-identifier <id> --copy-tags-to-snapshot --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-8",
    "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html",
  ],
  mappings: { cis: [], fsbp: ["Neptune.8"] },
  evaluate: (asset) => (asset.config.copyTagsToSnapshot ? ON : OFF),
});
