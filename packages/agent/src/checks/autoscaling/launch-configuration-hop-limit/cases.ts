import { launchConfig } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.launch-configuration-hop-limit`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.launch-configuration-hop-limit",
    name: "hop limit 1",
    asset: launchConfig(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.launch-configuration-hop-limit",
    name: "no MetadataOptions (default 1)",
    asset: launchConfig({ MetadataOptions: undefined }),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.launch-configuration-hop-limit",
    name: "hop limit 2",
    asset: launchConfig({ MetadataOptions: { HttpTokens: "required", HttpPutResponseHopLimit: 2 } }),
    expect: "fail",
  },
];
