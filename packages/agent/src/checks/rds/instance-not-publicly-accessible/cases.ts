import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-not-publicly-accessible`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-not-publicly-accessible", name: "private", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-not-publicly-accessible",
    name: "PubliclyAccessible",
    asset: db({ PubliclyAccessible: true }),
    expect: "fail",
  },
];
