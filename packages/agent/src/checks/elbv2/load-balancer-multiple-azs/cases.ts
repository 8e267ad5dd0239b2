import type { CheckCase } from "../../_cases/case.ts";
import { alb } from "../../_cases/elb.ts";

/** Compliant and non-compliant cases of `vigil.elbv2.load-balancer-multiple-azs`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  { check: "vigil.elbv2.load-balancer-multiple-azs", name: "two zones", asset: alb(), expect: "pass" },
  {
    check: "vigil.elbv2.load-balancer-multiple-azs",
    name: "one zone",
    asset: alb({ lb: { AvailabilityZones: [{ ZoneName: "us-east-1a", SubnetId: "subnet-0a" }] } }),
    expect: "fail",
  },
];
