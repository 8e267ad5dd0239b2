import { parameter } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

const check = "vigil.rds.mariadb-requires-tls";
const mariadb = (ParameterApplyStatus = "in-sync") => ({
  Engine: "mariadb",
  EngineVersion: "10.11.9",
  DBParameterGroups: [{ DBParameterGroupName: "orders-mariadb", ParameterApplyStatus }],
});

/** Compliant and non-compliant cases of `vigil.rds.mariadb-requires-tls`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "require_secure_transport ON, in sync",
    asset: db(mariadb(), [parameter("require_secure_transport", "ON")]),
    expect: "pass",
  },
  {
    check,
    name: "require_secure_transport unset (engine default)",
    asset: db(mariadb(), [parameter("require_secure_transport", undefined, "engine-default")]),
    expect: "fail",
    evidence: /to nothing/,
  },
  {
    check,
    name: "ON but pending reboot",
    asset: db(mariadb("pending-reboot"), [parameter("require_secure_transport", "ON")]),
    expect: "fail",
    evidence: /not in sync/,
  },
  { check, name: "PostgreSQL", asset: db(), expect: "n/a" },
];
