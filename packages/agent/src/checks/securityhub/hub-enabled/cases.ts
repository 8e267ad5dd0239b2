import { securityHub } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.securityhub.hub-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.securityhub.hub-enabled",
    name: "describe-hub succeeded",
    asset: securityHub({
      HubArn: "arn:aws:securityhub:us-east-1:123456789012:hub/default",
      SubscribedAt: "2024-02-01T10:00:00.000Z",
    }),
    expect: "pass",
  },
  {
    check: "vigil.securityhub.hub-enabled",
    name: "InvalidAccessException",
    asset: securityHub(undefined),
    expect: "fail",
  },
];
