import type { CheckCase } from "../../_cases/case.ts";
import { AURORA_POSTGRESQL, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.aurora-mysql-audit-logs-to-cloudwatch`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.aurora-mysql-audit-logs-to-cloudwatch",
    name: "audit published",
    asset: rdsCluster(),
    expect: "pass",
  },
  {
    check: "vigil.rds.aurora-mysql-audit-logs-to-cloudwatch",
    name: "error and slowquery only",
    asset: rdsCluster({ EnabledCloudwatchLogsExports: ["error", "slowquery"] }),
    expect: "fail",
  },
  {
    check: "vigil.rds.aurora-mysql-audit-logs-to-cloudwatch",
    name: "Aurora PostgreSQL",
    asset: rdsCluster(AURORA_POSTGRESQL),
    expect: "n/a",
  },
];
