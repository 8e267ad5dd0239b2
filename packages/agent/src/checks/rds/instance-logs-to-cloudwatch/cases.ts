import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-logs-to-cloudwatch`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.instance-logs-to-cloudwatch",
    name: "PostgreSQL, both logs",
    asset: db(),
    expect: "pass",
  },
  {
    check: "vigil.rds.instance-logs-to-cloudwatch",
    name: "MySQL, error log only",
    asset: db({ Engine: "mysql", EngineVersion: "8.0.39", EnabledCloudwatchLogsExports: ["error"] }),
    expect: "fail",
    evidence: /does not publish audit, general, slowquery/,
  },
  {
    check: "vigil.rds.instance-logs-to-cloudwatch",
    name: "SQL Server, none (AWS omits the member)",
    asset: db({ Engine: "sqlserver-se", EnabledCloudwatchLogsExports: undefined }),
    expect: "fail",
    evidence: /error, agent/,
  },
  {
    check: "vigil.rds.instance-logs-to-cloudwatch",
    name: "Aurora instance (logs are the cluster's)",
    asset: db({ Engine: "aurora-postgresql", EnabledCloudwatchLogsExports: undefined }),
    expect: "n/a",
  },
];
