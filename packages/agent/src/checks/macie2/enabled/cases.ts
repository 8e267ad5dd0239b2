import type { CheckCase } from "../../_cases/case.ts";
import { macie } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.macie2.enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.macie2.enabled", name: "status ENABLED", asset: macie("ENABLED"), expect: "pass" },
  {
    check: "vigil.macie2.enabled",
    name: "status PAUSED",
    asset: macie("PAUSED"),
    expect: "fail",
    evidence: /paused/,
  },
  { check: "vigil.macie2.enabled", name: "Macie is not enabled", asset: macie(null), expect: "fail" },
];
