import type { CheckCase } from "../../_cases/case.ts";
import { PITR_OFF, table } from "../../_cases/dynamodb.ts";

/** Compliant and non-compliant cases of `vigil.dynamodb.table-pitr-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.dynamodb.table-pitr-enabled", name: "PITR ENABLED", asset: table(), expect: "pass" },
  {
    check: "vigil.dynamodb.table-pitr-enabled",
    name: "PITR DISABLED",
    asset: table({}, PITR_OFF),
    expect: "fail",
  },
];
