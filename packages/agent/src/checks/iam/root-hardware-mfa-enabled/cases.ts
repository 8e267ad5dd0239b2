import { iamRoot } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ROOT_ROW, VIRTUAL_ROOT_MFA } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.root-hardware-mfa-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.root-hardware-mfa-enabled",
    name: "MFA without a root virtual device",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-hardware-mfa-enabled",
    name: "root virtual MFA device",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, [VIRTUAL_ROOT_MFA]),
    expect: "fail",
    evidence: /virtual/,
  },
];
