import type { CheckCase } from "../../_cases/case.ts";
import { ago, consoleUser, keyUser } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.user-access-keys-rotated`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.iam.user-access-keys-rotated", name: "30-day-old key", asset: keyUser({}), expect: "pass" },
  {
    check: "vigil.iam.user-access-keys-rotated",
    name: "120-day-old key",
    asset: keyUser({ access_key_1_last_rotated: ago(120) }),
    expect: "fail",
    evidence: /120 days/,
  },
  {
    check: "vigil.iam.user-access-keys-rotated",
    name: "no active keys",
    asset: consoleUser({ user: "alice" }),
    expect: "n/a",
  },
];
