import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-deletion-protection`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-deletion-protection", name: "on", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-deletion-protection",
    name: "off",
    asset: db({ DeletionProtection: false }),
    expect: "fail",
  },
];
