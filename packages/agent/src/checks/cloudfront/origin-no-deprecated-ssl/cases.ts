import type { CheckCase } from "../../_cases/case.ts";
import { api, distribution, withOrigins } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.origin-no-deprecated-ssl`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudfront.origin-no-deprecated-ssl",
    name: "TLSv1.2",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.origin-no-deprecated-ssl",
    name: "SSLv3",
    asset: withOrigins(
      api({
        HTTPPort: 80,
        HTTPSPort: 443,
        OriginProtocolPolicy: "https-only",
        OriginSslProtocols: { Quantity: 2, Items: ["SSLv3", "TLSv1"] },
      }),
    ),
    expect: "fail",
  },
];
