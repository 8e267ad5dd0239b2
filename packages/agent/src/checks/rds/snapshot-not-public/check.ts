import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the restore attribute does not include all");
const PUBLIC = fail("the restore attribute includes all: any account can restore it");
export const rdsSnapshotNotPublic = defineCheck({
  id: "vigil.rds.snapshot-not-public",
  title: "RDS snapshots should not be public",
  severity: "critical",
  resourceType: "aws.rds.snapshot",
  reads: ["restoreAttributeValues"],
  rationale: "Any AWS account can restore a public DB snapshot and read all of its data.",
  remediation:
    "aws rds modify-db-snapshot-attribute --db-snapshot-identifier <id> --attribute-name restore --values-to-remove all",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1"],
  mappings: { cis: [], fsbp: ["RDS.1"] },
  evaluate: (asset) => (asset.config.restoreAttributeValues.includes("all") ? PUBLIC : PRIVATE),
});
