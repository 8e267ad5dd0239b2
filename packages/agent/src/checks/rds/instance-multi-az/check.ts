import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("MultiAZ is true");
const OFF = fail("MultiAZ is false");
export const rdsInstanceMultiAz = defineCheck({
  id: "vigil.rds.instance-multi-az",
  title: "RDS DB instances should be configured with multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["multiAZ"],
  rationale:
    "A Multi-AZ standby takes over automatically when an Availability Zone or the primary host fails.",
  remediation: "aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5"],
  mappings: { cis: [], fsbp: ["RDS.5"] },
  evaluate: (asset) => (asset.config.multiAZ ? ON : OFF),
});
