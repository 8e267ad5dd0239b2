import { defineCheck, fail, pass } from "../../check.ts";

export const rdsClusterIamAuthentication = defineCheck({
  id: "vigil.rds.cluster-iam-authentication",
  title: "IAM authentication should be configured for RDS clusters",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["iamDatabaseAuthentication"],
  rationale:
    "With IAM database authentication, clients sign in with short-lived tokens from their IAM identity instead of long-lived database passwords, and access is granted and revoked in IAM.",
  remediation:
    "aws rds modify-db-cluster --db-cluster-identifier <id> --enable-iam-database-authentication --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-12",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.12"] },
  evaluate: (asset) =>
    asset.config.iamDatabaseAuthentication
      ? pass("IAM database authentication is enabled")
      : fail("IAM database authentication is disabled"),
});
