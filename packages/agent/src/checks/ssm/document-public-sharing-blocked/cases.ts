import type { CheckCase } from "../../_cases/case.ts";
import { setting } from "../../_cases/ssm.ts";

/** Compliant and non-compliant cases of `vigil.ssm.document-public-sharing-blocked`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ssm.document-public-sharing-blocked",
    name: "SettingValue Disable",
    asset: setting("Disable"),
    expect: "pass",
  },
  {
    check: "vigil.ssm.document-public-sharing-blocked",
    name: "SettingValue Enable (default)",
    asset: setting("Enable"),
    expect: "fail",
  },
];
