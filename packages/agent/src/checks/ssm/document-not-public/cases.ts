import type { CheckCase } from "../../_cases/case.ts";
import { document } from "../../_cases/ssm.ts";

/** Compliant and non-compliant cases of `vigil.ssm.document-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.ssm.document-not-public", name: "no sharing", asset: document([]), expect: "pass" },
  {
    check: "vigil.ssm.document-not-public",
    name: "shared with one account",
    asset: document(["111122223333"]),
    expect: "pass",
  },
  {
    check: "vigil.ssm.document-not-public",
    name: "shared with all",
    asset: document(["all"]),
    expect: "fail",
  },
];
