import { iamRole } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";
import { role } from "../../_cases/iam.ts";

/** Compliant and non-compliant cases of `vigil.iam.role-trust-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.iam.role-trust-not-public",
    name: "trusts one account with ExternalId",
    asset: iamRole(
      role({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::210987654321:root" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "sts:ExternalId": "x" } },
          },
        ],
      }),
    ),
    expect: "pass",
  },
  {
    check: "vigil.iam.role-trust-not-public",
    name: "Principal AWS *",
    asset: iamRole(
      role({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
      }),
    ),
    expect: "fail",
  },
];
