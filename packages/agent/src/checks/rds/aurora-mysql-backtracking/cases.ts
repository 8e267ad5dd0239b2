import type { CheckCase } from "../../_cases/case.ts";
import { AURORA_POSTGRESQL, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.aurora-mysql-backtracking`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.aurora-mysql-backtracking",
    name: "BacktrackWindow 86400",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.aurora-mysql-backtracking",
    name: "no BacktrackWindow",
    asset: rdsCluster({ BacktrackWindow: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.rds.aurora-mysql-backtracking",
    name: "Aurora PostgreSQL (no backtracking)",
    asset: rdsCluster(AURORA_POSTGRESQL),
    expect: "n/a",
  },
];
