import { autoScalingGroupAsset } from "../../../collectors/index.ts";
import { group, LEGACY, WHERE } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.group-multiple-instance-types`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.group-multiple-instance-types",
    name: "mixed instances policy with two instance types",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.group-multiple-instance-types",
    name: "attribute-based instance type selection",
    asset: group({
      MixedInstancesPolicy: {
        LaunchTemplate: {
          LaunchTemplateSpecification: { LaunchTemplateId: "lt-0a20c965061f64abc", Version: "$Default" },
          Overrides: [{ InstanceRequirements: { VCpuCount: { Min: 2, Max: 4 }, MemoryMiB: { Min: 4096 } } }],
        },
      },
    }),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.group-multiple-instance-types",
    name: "mixed instances policy with one override",
    asset: group({
      MixedInstancesPolicy: {
        LaunchTemplate: {
          LaunchTemplateSpecification: { LaunchTemplateId: "lt-0a20c965061f64abc", Version: "$Default" },
          Overrides: [{ InstanceType: "m6i.large" }],
        },
      },
    }),
    expect: "fail",
  },
  {
    check: "vigil.autoscaling.group-multiple-instance-types",
    name: "launch configuration (one instance type)",
    asset: autoScalingGroupAsset(WHERE, LEGACY),
    expect: "fail",
  },
];
