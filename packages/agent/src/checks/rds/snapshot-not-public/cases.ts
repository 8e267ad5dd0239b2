import type { CheckCase } from "../../_cases/case.ts";
import { snap } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.snapshot-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.rds.snapshot-not-public",
    name: "shared with one account",
    asset: snap(true, ["210987654321"]),
    expect: "pass",
  },
  { check: "vigil.rds.snapshot-not-public", name: "restore all", asset: snap(true, ["all"]), expect: "fail" },
];
