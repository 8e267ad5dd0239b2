import type { CheckCase } from "../../_cases/case.ts";
import { clb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elb.multiple-azs`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elb.multiple-azs", name: "two zones", asset: clb(), expect: "pass" },
  {
    check: "vigil.elb.multiple-azs",
    name: "one zone",
    asset: clb({ lb: { AvailabilityZones: ["us-east-1a"] } }),
    expect: "fail",
  },
];
