import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-custom-admin-username`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-custom-admin-username", name: "orders_owner", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-custom-admin-username",
    name: "admin",
    asset: db({ MasterUsername: "admin" }),
    expect: "fail",
    evidence: /named admin/,
  },
  {
    check: "vigil.rds.instance-custom-admin-username",
    name: "postgres",
    asset: db({ MasterUsername: "postgres" }),
    expect: "fail",
  },
];
