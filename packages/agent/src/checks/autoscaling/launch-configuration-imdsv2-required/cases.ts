import { launchConfig } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.launch-configuration-imdsv2-required`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.launch-configuration-imdsv2-required",
    name: "HttpTokens required",
    asset: launchConfig(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.launch-configuration-imdsv2-required",
    name: "HttpEndpoint disabled",
    asset: launchConfig({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "disabled" } }),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.launch-configuration-imdsv2-required",
    name: "HttpTokens optional",
    asset: launchConfig({ MetadataOptions: { HttpTokens: "optional", HttpEndpoint: "enabled" } }),
    expect: "fail",
  },
  {
    check: "vigil.autoscaling.launch-configuration-imdsv2-required",
    name: "no MetadataOptions",
    asset: launchConfig({ MetadataOptions: undefined }),
    expect: "fail",
  },
];
