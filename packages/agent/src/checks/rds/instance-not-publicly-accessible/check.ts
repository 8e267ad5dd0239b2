import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("PubliclyAccessible is false");
const PUBLIC = fail("PubliclyAccessible is true");
export const rdsInstanceNotPublic = defineCheck({
  id: "vigil.rds.instance-not-publicly-accessible",
  title: "RDS DB instances should not be publicly accessible",
  severity: "critical",
  resourceType: "aws.rds.instance",
  reads: ["publiclyAccessible"],
  rationale:
    "A publicly accessible instance gets a public DNS name and address; one permissive security group rule then exposes the database to the internet.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.2.3"], fsbp: ["RDS.2"] },
  evaluate: (asset) => (asset.config.publiclyAccessible ? PUBLIC : PRIVATE),
});
