import { defineCheck, fail, pass } from "../../check.ts";

export const rdsAuroraMysqlBacktracking = defineCheck({
  id: "vigil.rds.aurora-mysql-backtracking",
  title: "Amazon Aurora clusters should have backtracking enabled",
  severity: "medium",
  resourceType: "aws.rds.cluster",
  reads: ["engine", "backtrackWindow"],
  rationale:
    "Backtracking rewinds an Aurora MySQL cluster to a point in time in minutes, without restoring a new cluster, undoing a destructive change such as a dropped table.",
  remediation:
    "aws rds modify-db-cluster --db-cluster-identifier <id> --backtrack-window 86400 (backtracking must be on when the cluster is created or restored; otherwise restore a snapshot with --backtrack-window).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-14",
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.14"] },
  evaluate: (asset) => {
    const { engine, backtrackWindow } = asset.config;
    if (engine !== "aurora-mysql" && engine !== "aurora") return undefined;
    return backtrackWindow > 0
      ? pass(`backtracking is enabled (window ${backtrackWindow} s)`)
      : fail("backtracking is disabled");
  },
});
