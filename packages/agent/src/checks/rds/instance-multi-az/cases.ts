import type { CheckCase } from "../../_cases/case.ts";
import { db } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.instance-multi-az`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.instance-multi-az", name: "Multi-AZ", asset: db(), expect: "pass" },
  { check: "vigil.rds.instance-multi-az", name: "single AZ", asset: db({ MultiAZ: false }), expect: "fail" },
];
