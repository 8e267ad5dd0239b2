import { passwordPolicy } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { STRONG } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.iam.password-policy-strong`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.password-policy-strong",
    name: "every requirement",
    asset: passwordPolicy(STRONG),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-strong",
    name: "no symbols",
    asset: passwordPolicy({ ...STRONG, RequireSymbols: false }),
    expect: "fail",
    evidence: /symbols/,
  },
  {
    check: "vigil.iam.password-policy-strong",
    name: "7 characters",
    asset: passwordPolicy({ ...STRONG, MinimumPasswordLength: 7 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-strong",
    name: "no policy",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
];
