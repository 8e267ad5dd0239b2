import { autoScalingGroupAsset } from "../../../collectors/index.ts";
import { group, LEGACY, WHERE } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.group-uses-launch-template`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.group-uses-launch-template",
    name: "launch template in the mixed instances policy",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.group-uses-launch-template",
    name: "LaunchTemplate",
    asset: group({
      MixedInstancesPolicy: undefined,
      LaunchTemplate: { LaunchTemplateId: "lt-0a20c965061f64abc", Version: "3" },
    }),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.group-uses-launch-template",
    name: "LaunchConfigurationName",
    asset: autoScalingGroupAsset(WHERE, LEGACY),
    expect: "fail",
  },
];
