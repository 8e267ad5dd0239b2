import type { CheckCase } from "../../_cases/case.ts";
import { guardDuty, protectionCases, RUNTIME_MANUAL } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.guardduty.runtime-monitoring-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  ...protectionCases("vigil.guardduty.runtime-monitoring-enabled"),
  {
    check: "vigil.guardduty.runtime-monitoring-enabled",
    name: "Runtime Monitoring with agents managed by hand",
    asset: guardDuty(RUNTIME_MANUAL),
    expect: "pass",
  },
];
