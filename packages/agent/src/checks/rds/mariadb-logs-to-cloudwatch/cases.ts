import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

const check = "vigil.rds.mariadb-logs-to-cloudwatch";
const MARIADB = { Engine: "mariadb", EngineVersion: "10.11.9" };

/** Compliant and non-compliant cases of `vigil.rds.mariadb-logs-to-cloudwatch`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "error, audit and slow query published",
    asset: db({ ...MARIADB, EnabledCloudwatchLogsExports: ["audit", "error", "slowquery"] }),
    expect: "pass",
  },
  {
    check,
    name: "error log only",
    asset: db({ ...MARIADB, EnabledCloudwatchLogsExports: ["error"] }),
    expect: "fail",
    evidence: /audit/,
  },
  { check, name: "PostgreSQL", asset: db(), expect: "n/a" },
];
