import type { CheckCase } from "../../_cases/case.ts";
import { keyUser } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.user-permissions-through-groups`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.user-permissions-through-groups",
    name: "groups only",
    asset: keyUser({}, { groupNames: ["deployers"] }),
    expect: "pass",
  },
  {
    check: "vigil.iam.user-permissions-through-groups",
    name: "attached and inline policies",
    asset: keyUser(
      {},
      { attachedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], inlinePolicyNames: ["extra"] },
    ),
    expect: "fail",
    evidence: /1 attached and 1 inline/,
  },
];
