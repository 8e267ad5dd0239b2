import type { CheckCase } from "../../_cases/case.ts";
import { api, distribution, S3_ORIGIN, withOrigins } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.origin-traffic-encrypted`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "https-only",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "http-only",
    asset: withOrigins(api({ HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: "http-only" })),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "match-viewer while viewers may use HTTP",
    asset: distribution({
      Origins: {
        Quantity: 1,
        Items: [api({ HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: "match-viewer" })],
      },
      DefaultCacheBehavior: { TargetOriginId: "api", ViewerProtocolPolicy: "allow-all" },
    }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "match-viewer behind HTTPS viewers",
    asset: withOrigins(api({ HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: "match-viewer" })),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-traffic-encrypted",
    name: "S3 only",
    asset: withOrigins(S3_ORIGIN),
    expect: "n/a",
  },
];
