import type { CheckCase } from "../../_cases/case.ts";
import { snap } from "../../_cases/rds.ts";

/** Compliant and non-compliant cases of `vigil.rds.snapshot-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.rds.snapshot-encrypted", name: "encrypted", asset: snap(true, []), expect: "pass" },
  { check: "vigil.rds.snapshot-encrypted", name: "plain", asset: snap(false, []), expect: "fail" },
];
