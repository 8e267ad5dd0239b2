import type { CheckCase } from "../../_cases/case.ts";
import { distribution, S3_ORIGIN, withOrigins } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.origin-failover-configured`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudfront.origin-failover-configured",
    name: "two-origin group",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-failover-configured",
    name: "no group",
    asset: withOrigins(S3_ORIGIN),
    expect: "fail",
  },
];
