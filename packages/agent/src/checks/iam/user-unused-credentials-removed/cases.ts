import type { CheckCase } from "../../_cases/case.ts";
import { ago, consoleUser, keyUser } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.user-unused-credentials-removed`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.user-unused-credentials-removed",
    name: "password last used 60 days ago (within 90)",
    asset: consoleUser({ user: "carol", password_last_used: ago(60) }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-unused-credentials-removed",
    name: "password last used 120 days ago",
    asset: consoleUser({ user: "dave", password_last_used: ago(120) }),
    expect: "fail",
    evidence: /120 days/,
  },
  {
    check: "vigil.iam.user-unused-credentials-removed",
    name: "key created 100 days ago and never used",
    asset: keyUser({ access_key_1_last_rotated: ago(100), access_key_1_last_used_date: "N/A" }),
    expect: "fail",
    evidence: /key 1 has been unused for 100 days/,
  },
  {
    check: "vigil.iam.user-unused-credentials-removed",
    name: "stale key already inactive",
    asset: keyUser({ access_key_1_active: "false", access_key_1_last_used_date: ago(300) }),
    expect: "pass",
  },
];
