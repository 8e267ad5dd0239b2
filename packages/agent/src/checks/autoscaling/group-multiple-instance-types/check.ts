import { defineCheck, fail, pass } from "../../check.ts";

const MANY = pass("the group's mixed instances policy launches more than one instance type");
const ONE = fail("the group launches a single instance type");

export const groupMultipleInstanceTypes = defineCheck({
  id: "vigil.autoscaling.group-multiple-instance-types",
  title: "Auto Scaling groups should use multiple instance types in multiple Availability Zones",
  severity: "medium",
  resourceType: "aws.autoscaling.group",
  reads: ["mixedInstanceTypes"],
  rationale:
    "With one instance type, a shortage of that type in a zone leaves the group unable to launch; several types let it use whatever capacity is there.",
  remediation:
    'aws autoscaling update-auto-scaling-group --auto-scaling-group-name <name> --mixed-instances-policy \'{"LaunchTemplate":{"LaunchTemplateSpecification":{"LaunchTemplateId":"<lt-id>"},"Overrides":[{"InstanceType":"m6i.large"},{"InstanceType":"m5.large"}]}}\'',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-6",
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-mixed-instances-groups.html",
  ],
  mappings: { cis: [], fsbp: ["AutoScaling.6"] },
  evaluate: (asset) => {
    const types = asset.config.mixedInstanceTypes;
    return types.length >= 2 || types.includes("attribute-based") ? MANY : ONE;
  },
});
