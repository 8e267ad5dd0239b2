import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("instances launched from it get no public IP address from the configuration");
const PUBLIC = fail("instances launched from it get a public IP address (AssociatePublicIpAddress)");

export const launchConfigurationNoPublicIp = defineCheck({
  id: "vigil.autoscaling.launch-configuration-no-public-ip",
  title:
    "Amazon EC2 instances launched using Auto Scaling group launch configurations should not have public IP addresses",
  severity: "high",
  resourceType: "aws.autoscaling.launch-configuration",
  reads: ["associatePublicIpAddress"],
  rationale:
    "A public IP address puts every instance of the group on the internet, one security group mistake away from exposure; reach them through a load balancer instead.",
  remediation:
    "aws autoscaling create-launch-configuration --launch-configuration-name <new-name> --no-associate-public-ip-address ... then point the group at it",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-5",
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-in-vpc.html#as-vpc-ipaddress",
  ],
  mappings: { cis: [], fsbp: ["AutoScaling.5"] },
  evaluate: (asset) => (asset.config.associatePublicIpAddress ? PUBLIC : PRIVATE),
});
