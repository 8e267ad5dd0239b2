import { iamRoot } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ROOT_ROW } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.root-mfa-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.root-mfa-enabled",
    name: "AccountMFAEnabled 1",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-mfa-enabled",
    name: "AccountMFAEnabled 0",
    asset: iamRoot({ AccountMFAEnabled: 0 }, ROOT_ROW, []),
    expect: "fail",
  },
];
