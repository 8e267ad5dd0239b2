import type { CheckCase } from "../../_cases/case.ts";
import { ACM_CERTIFICATE, DEFAULT_CERTIFICATE, distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.recommended-tls-policy`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.cloudfront.recommended-tls-policy",
    name: "TLSv1.2_2021",
    asset: distribution(),
    expect: "pass",
  },
  {
    check: "vigil.cloudfront.recommended-tls-policy",
    name: "TLSv1.2_2019",
    asset: distribution({
      ViewerCertificate: { ...ACM_CERTIFICATE, MinimumProtocolVersion: "TLSv1.2_2019" },
    }),
    expect: "fail",
    evidence: /TLSv1\.2_2019, not a recommended one/,
  },
  {
    check: "vigil.cloudfront.recommended-tls-policy",
    name: "default certificate",
    asset: distribution({ ViewerCertificate: DEFAULT_CERTIFICATE }),
    expect: "n/a",
  },
];
