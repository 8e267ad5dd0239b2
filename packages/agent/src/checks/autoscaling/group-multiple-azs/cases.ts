import { autoScalingGroupAsset } from "../../../collectors/index.ts";
import { group, LEGACY, WHERE } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.group-multiple-azs`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.group-multiple-azs",
    name: "two zones",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.group-multiple-azs",
    name: "one zone",
    asset: autoScalingGroupAsset(WHERE, LEGACY),
    expect: "fail",
  },
];
