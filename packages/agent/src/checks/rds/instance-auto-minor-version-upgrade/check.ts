import { defineCheck, fail, pass } from "../../check.ts";

const ON = pass("AutoMinorVersionUpgrade is true");
const OFF = fail("AutoMinorVersionUpgrade is false");
export const rdsInstanceAutoMinorVersionUpgrade = defineCheck({
  id: "vigil.rds.instance-auto-minor-version-upgrade",
  title: "RDS DB instances should have automatic minor version upgrades enabled",
  severity: "high",
  resourceType: "aws.rds.instance",
  reads: ["autoMinorVersionUpgrade"],
  rationale:
    "Minor versions carry security fixes; automatic upgrades apply them in the maintenance window without anyone having to remember.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --auto-minor-version-upgrade --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13",
    "https://www.cisecurity.org/benchmark/amazon_web_services",
  ],
  mappings: { cis: ["2.2.2"], fsbp: ["RDS.13"] },
  evaluate: (asset) => (asset.config.autoMinorVersionUpgrade ? ON : OFF),
});
