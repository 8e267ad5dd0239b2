import type { CheckCase } from "../../_cases/case.ts";
import { counts } from "../../_cases/security-services.ts";

/** Compliant and non-compliant cases of `vigil.backup.plan-exists`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.backup.plan-exists", name: "a plan", asset: counts(1, 1, 0), expect: "pass" },
  { check: "vigil.backup.plan-exists", name: "vaults but no plan", asset: counts(0, 2, 0), expect: "fail" },
  { check: "vigil.backup.plan-exists", name: "Backup unused", asset: counts(0, 0, 0), expect: "n/a" },
];
