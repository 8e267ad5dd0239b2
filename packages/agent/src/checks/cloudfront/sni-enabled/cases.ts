import type { CheckCase } from "../../_cases/case.ts";
import { ACM_CERTIFICATE, DEFAULT_CERTIFICATE, distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.sni-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudfront.sni-enabled", name: "sni-only", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.sni-enabled",
    name: "dedicated IP",
    asset: distribution({ ViewerCertificate: { ...ACM_CERTIFICATE, SSLSupportMethod: "vip" } }),
    expect: "fail",
  },
  {
    check: "vigil.cloudfront.sni-enabled",
    name: "default certificate",
    asset: distribution({ ViewerCertificate: DEFAULT_CERTIFICATE }),
    expect: "n/a",
  },
];
