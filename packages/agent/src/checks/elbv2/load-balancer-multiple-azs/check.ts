import { defineCheck, fail, pass } from "../../check.ts";

const MANY = pass("the load balancer spans two or more Availability Zones");
const ONE = fail("the load balancer has nodes in fewer than two Availability Zones");

export const loadBalancerMultipleAzs = defineCheck({
  id: "vigil.elbv2.load-balancer-multiple-azs",
  title: "Application, Network and Gateway Load Balancers should span multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.elbv2.load-balancer",
  reads: ["availabilityZones"],
  rationale:
    "A load balancer in a single Availability Zone goes down with that zone, and with it every application behind it.",
  remediation:
    "aws elbv2 set-subnets --load-balancer-arn <arn> --subnets <subnet-in-az-a> <subnet-in-az-b> (console: EC2 > Load Balancers > Network mapping > Edit subnets).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#availability-zones",
  ],
  mappings: { cis: [], fsbp: ["ELB.13"] },
  evaluate: (asset) => (new Set(asset.config.availabilityZones).size >= 2 ? MANY : ONE),
});
