import { certificate } from "../../_cases/acm.ts";
import { daysBefore } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.acm.certificate-not-expiring`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "200 days left",
    asset: certificate(),
    expect: "pass",
  },
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "imported, 12 days left",
    asset: certificate({ Type: "IMPORTED", NotAfter: daysBefore(-12) }),
    expect: "fail",
    evidence: /within 30 days/,
  },
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "expired",
    asset: certificate({ Status: "EXPIRED", NotAfter: daysBefore(3) }),
    expect: "fail",
    evidence: /expired/,
  },
  {
    check: "vigil.acm.certificate-not-expiring",
    name: "pending validation",
    asset: certificate({ Status: "PENDING_VALIDATION", NotAfter: undefined }),
    expect: "n/a",
  },
];
