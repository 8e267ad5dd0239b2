import type { CheckCase } from "../../_cases/case.ts";
import { model } from "../../_cases/sagemaker.ts";

/** Compliant and non-compliant cases of `vigil.sagemaker.model-network-isolation`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sagemaker.model-network-isolation",
    name: "EnableNetworkIsolation true",
    asset: model({}),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.model-network-isolation",
    name: "EnableNetworkIsolation false",
    asset: model({ EnableNetworkIsolation: false }),
    expect: "fail",
  },
];
