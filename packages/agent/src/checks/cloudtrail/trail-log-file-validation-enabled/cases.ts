import type { CheckCase } from "../../_cases/case.ts";
import { t } from "../../_cases/logging.ts";

/** Compliant and non-compliant cases of `vigil.cloudtrail.trail-log-file-validation-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudtrail.trail-log-file-validation-enabled", name: "on", asset: t(), expect: "pass" },
  {
    check: "vigil.cloudtrail.trail-log-file-validation-enabled",
    name: "off",
    asset: t({ LogFileValidationEnabled: false }),
    expect: "fail",
  },
];
