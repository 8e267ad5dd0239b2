import type { CheckCase } from "../../_cases/case.ts";
import { API_ORIGIN, distribution, S3_ORIGIN, withOrigins } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.s3-origin-access-control`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudfront.s3-origin-access-control", name: "OAC", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.s3-origin-access-control",
    name: "legacy OAI",
    asset: withOrigins({
      ...S3_ORIGIN,
      S3OriginConfig: { OriginAccessIdentity: "origin-access-identity/cloudfront/E74FTE3AEXAMPLE" },
      OriginAccessControlId: "",
    }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.s3-origin-access-control",
    name: "custom only",
    asset: withOrigins(API_ORIGIN),
    expect: "n/a",
  },
];
