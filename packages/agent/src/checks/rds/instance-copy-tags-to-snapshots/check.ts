import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("CopyTagsToSnapshot is true");
const OFF = fail("CopyTagsToSnapshot is false");

export const rdsInstanceCopyTagsToSnapshots = defineCheck({
  id: "vigil.rds.instance-copy-tags-to-snapshots",
  title: "RDS DB instances should be configured to copy tags to snapshots",
  severity: "low",
  resourceType: "aws.rds.instance",
  reads: ["copyTagsToSnapshot"],
  rationale:
    "Snapshots that carry their instance's tags keep its owner, data classification and cost allocation, so their access and retention follow the same rules.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --copy-tags-to-snapshot --apply-immediately",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17"],
  mappings: { cis: [], fsbp: ["RDS.17"] },
  evaluate: (asset) => (asset.config.copyTagsToSnapshot ? ON : OFF),
});
