import type { CheckCase } from "../../_cases/case.ts";
import { ago, consoleUser, keyUser } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.user-unused-credentials-disabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "password and key used recently",
    asset: consoleUser({
      user: "alice",
      access_key_1_active: "true",
      access_key_1_last_rotated: ago(10),
      access_key_1_last_used_date: ago(2),
    }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "password last used 60 days ago",
    asset: consoleUser({ user: "carol", password_last_used: ago(60) }),
    expect: "fail",
    evidence: /60 days/,
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "key created 50 days ago and never used",
    asset: keyUser({ access_key_1_last_rotated: ago(50), access_key_1_last_used_date: "N/A" }),
    expect: "fail",
    evidence: /key 1/,
  },
  {
    check: "vigil.iam.user-unused-credentials-disabled",
    name: "stale key already inactive",
    asset: keyUser({ access_key_1_active: "false", access_key_1_last_used_date: ago(300) }),
    expect: "pass",
  },
];
