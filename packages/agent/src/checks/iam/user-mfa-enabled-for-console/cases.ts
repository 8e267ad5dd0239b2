import type { CheckCase } from "../../_cases/case.ts";
import { consoleUser, keyUser } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.user-mfa-enabled-for-console`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.user-mfa-enabled-for-console",
    name: "console with MFA",
    asset: consoleUser({ user: "alice" }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-mfa-enabled-for-console",
    name: "console without MFA",
    asset: consoleUser({ user: "bob", mfa_active: "false" }),
    expect: "fail",
  },
  {
    check: "vigil.iam.user-mfa-enabled-for-console",
    name: "programmatic user",
    asset: keyUser({}),
    expect: "n/a",
  },
];
