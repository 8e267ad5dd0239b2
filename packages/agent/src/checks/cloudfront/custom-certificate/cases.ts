import type { CheckCase } from "../../_cases/case.ts";
import { DEFAULT_CERTIFICATE, distribution } from "../../_cases/cloudfront.ts";

/** Compliant and non-compliant cases of `vigil.cloudfront.custom-certificate`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudfront.custom-certificate", name: "ACM", asset: distribution(), expect: "pass" },
  {
    check: "vigil.cloudfront.custom-certificate",
    name: "default certificate",
    asset: distribution({ ViewerCertificate: DEFAULT_CERTIFICATE }),
    expect: "fail",
  },
];
