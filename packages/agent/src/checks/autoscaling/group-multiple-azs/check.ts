import { defineCheck, fail, pass } from "../../check.ts";

const MANY = pass("the group spans two or more Availability Zones");
const ONE = fail("the group launches instances in a single Availability Zone");

export const groupMultipleAzs = defineCheck({
  id: "vigil.autoscaling.group-multiple-azs",
  title: "Amazon EC2 Auto Scaling groups should cover multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.autoscaling.group",
  reads: ["availabilityZones"],
  rationale:
    "A group confined to one Availability Zone cannot replace its instances elsewhere when that zone fails.",
  remediation:
    "aws autoscaling update-auto-scaling-group --auto-scaling-group-name <name> --vpc-zone-identifier <subnet-in-az-a>,<subnet-in-az-b>",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-2",
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html",
  ],
  mappings: { cis: [], fsbp: ["AutoScaling.2"] },
  evaluate: (asset) => (new Set(asset.config.availabilityZones).size >= 2 ? MANY : ONE),
});
