import { defineCheck, fail, pass } from "../../check.ts";

export const rdsClusterAutoMinorVersionUpgrade = defineCheck({
  id: "vigil.rds.cluster-auto-minor-version-upgrade",
  title: "RDS DB clusters should have automatic minor version upgrade enabled",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["autoMinorVersionUpgrade"],
  rationale:
    "Minor versions carry security fixes; a Multi-AZ DB cluster that takes them in its maintenance window does not stay exposed until someone upgrades it by hand.",
  remediation:
    "aws rds modify-db-cluster --db-cluster-identifier <id> --auto-minor-version-upgrade --apply-immediately",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-35",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-upgrading.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.35"] },
  evaluate: (asset) => {
    // Aurora clusters answer no such setting: their instances carry it (RDS.13).
    const upgrades = asset.config.autoMinorVersionUpgrade;
    if (upgrades === undefined) return undefined;
    return upgrades
      ? pass("automatic minor version upgrades are enabled")
      : fail("automatic minor version upgrades are disabled");
  },
});
