import { iamRoot } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ROOT_ROW } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.root-no-access-keys`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.root-no-access-keys",
    name: "AccountAccessKeysPresent 0",
    asset: iamRoot({ AccountAccessKeysPresent: 0, AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-no-access-keys",
    name: "AccountAccessKeysPresent 1",
    asset: iamRoot({ AccountAccessKeysPresent: 1, AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "fail",
  },
];
