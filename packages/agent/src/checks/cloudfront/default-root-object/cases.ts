import type { CheckCase } from "../../_cases/case.ts";
import { distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.default-root-object`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudfront.default-root-object",
    name: "index.html",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.default-root-object",
    name: "empty",
    asset: distribution({}, { DefaultRootObject: "" }),
    expect: "fail",
  },
];
