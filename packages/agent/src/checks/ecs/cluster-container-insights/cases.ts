import type { CheckCase } from "../../_cases/case.ts";
import { cluster } from "../../_cases/ecs.ts";

/** Compliant and non-compliant cases of `vigil.ecs.cluster-container-insights`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ecs.cluster-container-insights",
    name: "containerInsights enabled",
    asset: cluster([{ name: "containerInsights", value: "enabled" }]),
    expect: "pass",
  },
  {
    check: "vigil.ecs.cluster-container-insights",
    name: "containerInsights enhanced",
    asset: cluster([{ name: "containerInsights", value: "enhanced" }]),
    expect: "pass",
  },
  {
    check: "vigil.ecs.cluster-container-insights",
    name: "containerInsights disabled",
    asset: cluster([{ name: "containerInsights", value: "disabled" }]),
    expect: "fail",
  },
];
