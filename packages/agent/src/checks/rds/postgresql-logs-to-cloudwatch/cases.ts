import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.postgresql-logs-to-cloudwatch`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.postgresql-logs-to-cloudwatch",
    name: "postgresql published",
    asset: db(),
    expect: "pass",
  },
  {
    check: "vigil.rds.postgresql-logs-to-cloudwatch",
    name: "upgrade log only",
    asset: db({ EnabledCloudwatchLogsExports: ["upgrade"] }),
    expect: "fail",
  },
  {
    check: "vigil.rds.postgresql-logs-to-cloudwatch",
    name: "MySQL",
    asset: db({ Engine: "mysql", EngineVersion: "8.0.39", EnabledCloudwatchLogsExports: [] }),
    expect: "n/a",
  },
];
