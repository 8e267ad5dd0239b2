import type { CheckCase } from "../../_cases/case.ts";
import { endpointConfig, instanceVariant } from "../../_cases/sagemaker.ts";

/** Compliant and non-compliant cases of `vigil.sagemaker.endpoint-config-multiple-instances`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.sagemaker.endpoint-config-multiple-instances",
    name: "two variants of two instances",
    asset: endpointConfig([instanceVariant("blue", 2), instanceVariant("green", 3)]),
    expect: "pass",
  },
  {
    check: "vigil.sagemaker.endpoint-config-multiple-instances",
    name: "a variant of one instance",
    asset: endpointConfig([instanceVariant("blue", 2), instanceVariant("green", 1)]),
    expect: "fail",
  },
  {
    check: "vigil.sagemaker.endpoint-config-multiple-instances",
    name: "a serverless variant only",
    asset: endpointConfig([
      {
        VariantName: "serverless",
        ModelName: "ranker-model",
        ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
      },
    ]),
    expect: "n/a",
  },
];
