import type { CheckCase } from "../../_cases/case.ts";
import { t } from "../../_cases/logging.ts";

/** Compliant and non-compliant cases of `vigil.cloudtrail.trail-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.cloudtrail.trail-logging", name: "IsLogging", asset: t(), expect: "pass" },
  { check: "vigil.cloudtrail.trail-logging", name: "stopped", asset: t({}, false), expect: "fail" },
];
