import { passwordPolicy } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.iam.password-policy-prevents-reuse`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.password-policy-prevents-reuse",
    name: "24 remembered",
    asset: passwordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 24 }),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-prevents-reuse",
    name: "5 remembered",
    asset: passwordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 5 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-prevents-reuse",
    name: "not set",
    asset: passwordPolicy({ MinimumPasswordLength: 14 }),
    expect: "fail",
  },
];
