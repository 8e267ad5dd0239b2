import type { CheckCase } from "../../_cases/case.ts";
import { ALL_ON, guardDuty } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.guardduty.detector-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.guardduty.detector-enabled",
    name: "detector ENABLED",
    asset: guardDuty(ALL_ON),
    expect: "pass",
  },
  {
    check: "vigil.guardduty.detector-enabled",
    name: "no detector in the region",
    asset: guardDuty(null),
    expect: "fail",
    evidence: /no detector/,
  },
  {
    check: "vigil.guardduty.detector-enabled",
    name: "detector suspended",
    asset: guardDuty({ ...ALL_ON, Status: "DISABLED" }),
    expect: "fail",
    evidence: /suspended/,
  },
];
