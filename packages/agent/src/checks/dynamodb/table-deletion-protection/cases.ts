import type { CheckCase } from "../../_cases/case.ts";
import { table } from "../../_cases/dynamodb.ts";

/** Compliant and non-compliant cases of `vigil.dynamodb.table-deletion-protection`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.dynamodb.table-deletion-protection",
    name: "DeletionProtectionEnabled true",
    asset: table(),
    expect: "pass",
  },
  {
    check: "vigil.dynamodb.table-deletion-protection",
    name: "DeletionProtectionEnabled false",
    asset: table({ DeletionProtectionEnabled: false }),
    expect: "fail",
  },
  {
    check: "vigil.dynamodb.table-deletion-protection",
    name: "DeletionProtectionEnabled absent (tables created before the setting)",
    asset: table({ DeletionProtectionEnabled: undefined }),
    expect: "fail",
  },
];
