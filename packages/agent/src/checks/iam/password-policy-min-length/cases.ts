import { passwordPolicy } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.iam.password-policy-min-length`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.password-policy-min-length",
    name: "length 14",
    asset: passwordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, ExpirePasswords: false }),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-min-length",
    name: "length 8",
    asset: passwordPolicy({ MinimumPasswordLength: 8 }),
    expect: "fail",
    evidence: /8/,
  },
  {
    check: "vigil.iam.password-policy-min-length",
    name: "NoSuchEntity",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
];
