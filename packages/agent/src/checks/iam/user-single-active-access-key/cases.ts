import type { CheckCase } from "../../_cases/case.ts";
import { ago, keyUser } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.user-single-active-access-key`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.user-single-active-access-key",
    name: "one active, one inactive",
    asset: keyUser({ access_key_2_active: "false", access_key_2_last_rotated: ago(200) }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-single-active-access-key",
    name: "two active",
    asset: keyUser({
      access_key_2_active: "true",
      access_key_2_last_rotated: ago(200),
      access_key_2_last_used_date: ago(100),
    }),
    expect: "fail",
    evidence: /2 active/,
  },
];
