import type { CheckCase } from "../../_cases/case.ts";
import { notebook } from "../../_cases/sagemaker.ts";

/** Compliant and non-compliant cases of `vigil.sagemaker.notebook-no-direct-internet-access`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sagemaker.notebook-no-direct-internet-access",
    name: "DirectInternetAccess Disabled",
    asset: notebook({}),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.notebook-no-direct-internet-access",
    name: "DirectInternetAccess Enabled",
    asset: notebook({ DirectInternetAccess: "Enabled" }),
    expect: "fail",
  },
];
