import { defineCheck, fail, pass } from "../../check.ts";

const ENCRYPTED = pass("the snapshot is encrypted");
const PLAIN = fail("the snapshot is not encrypted");
export const rdsSnapshotEncrypted = defineCheck({
  id: "vigil.rds.snapshot-encrypted",
  title: "RDS snapshots should be encrypted at rest",
  severity: "medium",
  resourceType: "aws.rds.snapshot",
  reads: ["encrypted"],
  rationale:
    "An unencrypted snapshot exposes the database contents to anyone it is shared with or who can copy it.",
  remediation:
    "Copy the snapshot with aws rds copy-db-snapshot --kms-key-id <key> and delete the unencrypted one.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4"],
  mappings: { cis: [], fsbp: ["RDS.4"] },
  evaluate: (asset) => (asset.config.encrypted ? ENCRYPTED : PLAIN),
});
