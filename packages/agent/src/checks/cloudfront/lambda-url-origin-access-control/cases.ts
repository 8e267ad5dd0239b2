import type { Origin } from "@aws-sdk/client-cloudfront";
import type { CheckCase } from "../../_cases/case.ts";
import { api, S3_ORIGIN, withOrigins } from "../../_cases/cloudfront.ts";

const check = "vigil.cloudfront.lambda-url-origin-access-control";
/** An origin on a Lambda function URL, as `GetDistributionConfig` gives it. */
const functionUrl = (oac: string): Origin => ({
  ...api({
    HTTPPort: 80,
    HTTPSPort: 443,
    OriginProtocolPolicy: "https-only",
    OriginSslProtocols: { Quantity: 1, Items: ["TLSv1.2"] },
  }),
  Id: "render",
  DomainName: "abcdefghij0123456789klmnop.lambda-url.us-east-1.on.aws",
  OriginAccessControlId: oac,
});

/** Compliant and non-compliant cases of `vigil.cloudfront.lambda-url-origin-access-control`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check,
    name: "function URL with OAC",
    asset: withOrigins(S3_ORIGIN, functionUrl("E3LAMBDAOAC0001")),
    expect: "pass",
  },
  {
    check,
    name: "function URL without OAC",
    asset: withOrigins(S3_ORIGIN, functionUrl("")),
    expect: "fail",
    evidence: /render/,
  },
  { check, name: "no function URL origin", asset: withOrigins(S3_ORIGIN), expect: "n/a" },
];
