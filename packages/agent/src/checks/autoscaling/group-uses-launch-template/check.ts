import { defineCheck, fail, pass } from "../../check.ts";

const TEMPLATE = pass("the group launches instances from an EC2 launch template");
const CONFIGURATION = fail("the group launches instances from a launch configuration, not a launch template");

export const groupUsesLaunchTemplate = defineCheck({
  id: "vigil.autoscaling.group-uses-launch-template",
  title: "EC2 Auto Scaling groups should use EC2 launch templates",
  severity: "medium",
  resourceType: "aws.autoscaling.group",
  reads: ["usesLaunchTemplate"],
  rationale:
    "Launch configurations are deprecated and lack newer EC2 settings (IMDSv2 defaults, current instance types); launch templates are versioned and get them.",
  remediation:
    "aws autoscaling update-auto-scaling-group --auto-scaling-group-name <name> --launch-template LaunchTemplateId=<lt-id>,Version='$Default' (create the template from the configuration first)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-9",
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/migrate-to-launch-templates.html",
  ],
  mappings: { cis: [], fsbp: ["AutoScaling.9"] },
  evaluate: (asset) => (asset.config.usesLaunchTemplate ? TEMPLATE : CONFIGURATION),
});
