import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-iam-authentication`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.instance-iam-authentication",
    name: "PostgreSQL with IAM authentication",
    asset: db(),
    expect: "pass",
  },
  {
    check: "vigil.rds.instance-iam-authentication",
    name: "PostgreSQL, passwords only",
    asset: db({ IAMDatabaseAuthenticationEnabled: false }),
    expect: "fail",
  },
  {
    check: "vigil.rds.instance-iam-authentication",
    name: "Oracle (no IAM authentication there)",
    asset: db({ Engine: "oracle-ee", IAMDatabaseAuthenticationEnabled: false }),
    expect: "n/a",
  },
];
