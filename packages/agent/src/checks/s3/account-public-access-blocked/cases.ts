import { s3Settings } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ALL_BLOCKED, PARTLY_BLOCKED } from "../../_cases/s3.ts";

/** Compliant and non-compliant cases of `vigil.s3.account-public-access-blocked`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.s3.account-public-access-blocked",
    name: "all four on",
    asset: s3Settings(ALL_BLOCKED),
    expect: "pass",
  },
  {
    check: "vigil.s3.account-public-access-blocked",
    name: "one off",
    asset: s3Settings(PARTLY_BLOCKED),
    expect: "fail",
  },
];
