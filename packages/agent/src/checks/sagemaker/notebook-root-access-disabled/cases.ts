import type { CheckCase } from "../../_cases/case.ts";
import { notebook } from "../../_cases/sagemaker.ts";

/** Compliant and non-compliant cases of `vigil.sagemaker.notebook-root-access-disabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sagemaker.notebook-root-access-disabled",
    name: "RootAccess Disabled",
    asset: notebook({}),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.notebook-root-access-disabled",
    name: "RootAccess Enabled",
    asset: notebook({ RootAccess: "Enabled" }),
    expect: "fail",
  },
];
