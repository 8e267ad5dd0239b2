import { passwordPolicy } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { STRONG } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.iam.password-policy-pci-strength`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "strong policy",
    asset: passwordPolicy(STRONG),
    expect: "pass",
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "passwords never expire",
    asset: passwordPolicy({ ...STRONG, ExpirePasswords: false, MaxPasswordAge: undefined }),
    expect: "fail",
    evidence: /90-day/,
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "3 passwords remembered",
    asset: passwordPolicy({ ...STRONG, PasswordReusePrevention: 3 }),
    expect: "fail",
  },
  {
    check: "vigil.iam.password-policy-pci-strength",
    name: "no policy",
    asset: passwordPolicy(undefined),
    expect: "fail",
  },
];
