import type { CheckCase } from "../../_cases/case.ts";
import { AURORA_POSTGRESQL, rdsCluster } from "../../_cases/rds-clusters.ts";

/** Compliant and non-compliant cases of `vigil.rds.aurora-postgresql-logs-to-cloudwatch`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.aurora-postgresql-logs-to-cloudwatch",
    name: "postgresql published",
    asset: rdsCluster(AURORA_POSTGRESQL),
    expect: "pass",
  },
  {
    check: "vigil.rds.aurora-postgresql-logs-to-cloudwatch",
    name: "nothing published",
    asset: rdsCluster({ ...AURORA_POSTGRESQL, EnabledCloudwatchLogsExports: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.rds.aurora-postgresql-logs-to-cloudwatch",
    name: "Aurora MySQL",
    asset: rdsCluster(),
    expect: "n/a",
  },
];
