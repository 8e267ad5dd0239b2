import { iamRoot } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { ago, ROOT_ROW } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.root-not-used-recently`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.root-not-used-recently",
    name: "last used months ago",
    asset: iamRoot({ AccountMFAEnabled: 1 }, ROOT_ROW, []),
    expect: "pass",
  },
  {
    check: "vigil.iam.root-not-used-recently",
    name: "used two days ago",
    asset: iamRoot(
      { AccountMFAEnabled: 1 },
      { password_last_used: ago(2), access_key_1_last_used_date: "N/A" },
      [],
    ),
    expect: "fail",
    evidence: /2 day/,
  },
];
