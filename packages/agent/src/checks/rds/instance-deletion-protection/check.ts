import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("DeletionProtection is true");
const OFF = fail("DeletionProtection is false");
export const rdsInstanceDeletionProtection = defineCheck({
  id: "vigil.rds.instance-deletion-protection",
  title: "RDS DB instances should have deletion protection enabled",
  severity: "low",
  resourceType: "aws.rds.instance",
  reads: ["deletionProtection"],
  rationale:
    "Deletion protection stops an instance from being deleted by a mistaken command or a compromised automation.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --deletion-protection --apply-immediately",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8"],
  mappings: { cis: [], fsbp: ["RDS.8"] },
  evaluate: (asset) => (asset.config.deletionProtection ? ON : OFF),
});
