import type { CheckCase } from "../../_cases/case.ts";
import { counts } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.backup.report-plan-exists`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.backup.report-plan-exists",
    name: "plans and a report plan",
    asset: counts(2, 1, 1),
    expect: "pass",
  },
  {
    check: "vigil.backup.report-plan-exists",
    name: "plans, no report plan",
    asset: counts(2, 1, 0),
    expect: "fail",
  },
  { check: "vigil.backup.report-plan-exists", name: "no plans", asset: counts(0, 1, 0), expect: "n/a" },
];
