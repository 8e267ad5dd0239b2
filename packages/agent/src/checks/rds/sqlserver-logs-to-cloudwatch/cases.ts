import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

const check = "vigil.rds.sqlserver-logs-to-cloudwatch";
const SQL_SERVER = { Engine: "sqlserver-se", EngineVersion: "16.00.4140.3.v1" };

/** Compliant and non-compliant cases of `vigil.rds.sqlserver-logs-to-cloudwatch`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "error and agent published",
    asset: db({ ...SQL_SERVER, EnabledCloudwatchLogsExports: ["error", "agent"] }),
    expect: "pass",
  },
  {
    check,
    name: "no log published (AWS omits EnabledCloudwatchLogsExports)",
    asset: db({ ...SQL_SERVER, EnabledCloudwatchLogsExports: undefined }),
    expect: "fail",
    evidence: /no log/,
  },
  { check, name: "PostgreSQL", asset: db(), expect: "n/a" },
];
