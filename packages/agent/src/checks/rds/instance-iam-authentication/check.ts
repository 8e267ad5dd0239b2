import { defineCheck, fail, pass } from "../../check.ts";

/** The engines IAM database authentication exists for (MySQL, MariaDB, PostgreSQL). */
const ENGINES = /^(mysql|mariadb|postgres)$/;
const ON = pass("IAM database authentication is enabled");
const OFF = fail("IAM database authentication is disabled");

export const rdsInstanceIamAuthentication = defineCheck({
  id: "vigil.rds.instance-iam-authentication",
  title: "IAM authentication should be configured for RDS instances",
  severity: "medium",
  resourceType: "aws.rds.instance",
  reads: ["engine", "iamDatabaseAuthenticationEnabled"],
  rationale:
    "With IAM database authentication, connections use short-lived tokens from IAM instead of long-lived database passwords, and access is governed and revoked in IAM.",
  remediation:
    "aws rds modify-db-instance --db-instance-identifier <id> --enable-iam-database-authentication --apply-immediately",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10"],
  mappings: { cis: [], fsbp: ["RDS.10"] },
  evaluate: (asset) =>
    ENGINES.test(asset.config.engine)
      ? asset.config.iamDatabaseAuthenticationEnabled
        ? ON
        : OFF
      : undefined,
});
