import { parameter } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

const check = "vigil.rds.sqlserver-requires-tls";
const SQL_SERVER = {
  Engine: "sqlserver-se",
  EngineVersion: "16.00.4140.3.v1",
  DBParameterGroups: [{ DBParameterGroupName: "orders-sqlserver", ParameterApplyStatus: "in-sync" }],
};

/** Compliant and non-compliant cases of `vigil.rds.sqlserver-requires-tls`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "rds.force_ssl 1",
    asset: db(SQL_SERVER, [parameter("rds.force_ssl", "1")]),
    expect: "pass",
  },
  {
    check,
    name: "rds.force_ssl 0 (the engine default)",
    asset: db(SQL_SERVER, [parameter("rds.force_ssl", "0", "engine-default")]),
    expect: "fail",
    evidence: /rds\.force_ssl to 0/,
  },
  { check, name: "PostgreSQL", asset: db(), expect: "n/a" },
];
