import { iamAccount } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.iam.support-role-exists`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.support-role-exists",
    name: "AWSSupportAccess on a role",
    asset: iamAccount({ PolicyRoles: [{ RoleName: "support" }] }),
    expect: "pass",
  },
  {
    check: "vigil.iam.support-role-exists",
    name: "no role",
    asset: iamAccount({ PolicyRoles: [] }),
    expect: "fail",
  },
];
