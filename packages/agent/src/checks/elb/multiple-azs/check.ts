import { defineCheck, fail, pass } from "../../check.ts";

const MANY = pass("the load balancer spans two or more Availability Zones");
const ONE = fail("the load balancer is in fewer than two Availability Zones");

export const classicMultipleAzs = defineCheck({
  id: "vigil.elb.multiple-azs",
  title: "Classic Load Balancers should span multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.elb.load-balancer",
  reads: ["availabilityZones"],
  rationale:
    "A load balancer in a single Availability Zone goes down with that zone, and the application with it.",
  remediation:
    "aws elb enable-availability-zones-for-load-balancer --load-balancer-name <name> --availability-zones <az> (in a VPC: aws elb attach-load-balancer-to-subnets --subnets <subnet>).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-10",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-az.html",
  ],
  mappings: { cis: [], fsbp: ["ELB.10"] },
  evaluate: (asset) => (new Set(asset.config.availabilityZones).size >= 2 ? MANY : ONE),
});
