import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-custom-port`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-custom-port", name: "PostgreSQL on 6543", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-custom-port",
    name: "PostgreSQL on 5432",
    asset: db({ Endpoint: { Address: "orders.c9akciq32.us-east-1.rds.amazonaws.com", Port: 5432 } }),
    expect: "fail",
    evidence: /default port 5432/,
  },
  {
    check: "vigil.rds.instance-custom-port",
    name: "no endpoint yet (creating)",
    asset: db({ Endpoint: undefined, DBInstanceStatus: "creating" }),
    expect: "n/a",
  },
];
