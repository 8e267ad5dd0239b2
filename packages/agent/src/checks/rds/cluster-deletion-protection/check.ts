import { defineCheck, fail, pass } from "../../check.ts";

export const rdsClusterDeletionProtection = defineCheck({
  id: "vigil.rds.cluster-deletion-protection",
  title: "RDS clusters should have deletion protection enabled",
  severity: "low",
  resourceType: "aws.rds.cluster",
  reads: ["deletionProtection"],
  rationale:
    "Deletion protection stops a mistaken or malicious call from deleting the cluster and the data of all its instances.",
  remediation:
    "aws rds modify-db-cluster --db-cluster-identifier <id> --deletion-protection --apply-immediately (console: RDS > Databases > the cluster > Modify > Deletion protection).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-7",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.html#Aurora.DeletionProtection",
  ],
  mappings: { cis: [], fsbp: ["RDS.7"] },
  evaluate: (asset) =>
    asset.config.deletionProtection
      ? pass("deletion protection is enabled")
      : fail("deletion protection is disabled"),
});
