import { passwordPolicy } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { STRONG } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.iam.password-policy-expires-passwords`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "90 days",
    asset: passwordPolicy(STRONG),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "180 days",
    asset: passwordPolicy({ ...STRONG, MaxPasswordAge: 180 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "never",
    asset: passwordPolicy({ ...STRONG, ExpirePasswords: false, MaxPasswordAge: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-expires-passwords",
    name: "no policy",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
];
