import type { CheckCase } from "../../_cases/case.ts";
import { ADMIN_DOC, policy, SCOPED_DOC } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.policy-no-full-admin-attached`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.policy-no-full-admin-attached",
    name: "scoped policy",
    asset: policy(SCOPED_DOC, 3),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-full-admin-attached",
    name: "admin but unattached",
    asset: policy(ADMIN_DOC, 0),
    expect: "pass",
  },
  {
    check: "vigil.iam.policy-no-full-admin-attached",
    name: "*:* attached to 2",
    asset: policy(ADMIN_DOC, 2),
    expect: "fail",
    evidence: /2 principal/,
  },
];
