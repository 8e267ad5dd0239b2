import { autoScalingGroupAsset } from "../../../collectors/index.ts";
import { group, LEGACY, WHERE } from "../../_cases/autoscaling.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.autoscaling.group-elb-health-checks`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.autoscaling.group-elb-health-checks",
    name: "target group attached, HealthCheckType ELB",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.autoscaling.group-elb-health-checks",
    name: "target group attached, HealthCheckType EC2",
    asset: group({ HealthCheckType: "EC2" }),
    expect: "fail",
  },
  {
    check: "vigil.autoscaling.group-elb-health-checks",
    name: "Classic Load Balancer attached, HealthCheckType EC2",
    asset: group({ TargetGroupARNs: [], LoadBalancerNames: ["web-clb"], HealthCheckType: "EC2" }),
    expect: "fail",
  },
  {
    check: "vigil.autoscaling.group-elb-health-checks",
    name: "no load balancer",
    asset: autoScalingGroupAsset(WHERE, LEGACY),
    expect: "n/a",
  },
];
