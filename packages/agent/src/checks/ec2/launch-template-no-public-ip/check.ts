import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the default version assigns no public IP address to its network interfaces");
const PUBLIC = fail("the default version assigns public IP addresses to network interfaces at launch");

export const launchTemplateNoPublicIp = defineCheck({
  id: "vigil.ec2.launch-template-no-public-ip",
  title: "Amazon EC2 launch templates should not assign public IPs to network interfaces",
  severity: "high",
  resourceType: "aws.ec2.launch-template",
  reads: ["associatePublicIpAddress"],
  rationale:
    "Every instance launched from the template (by Auto Scaling, EC2 Fleet or by hand) gets an address on the internet, one security group mistake away from exposure.",
  remediation:
    'aws ec2 create-launch-template-version --launch-template-id <id> --source-version <default> --launch-template-data \'{"NetworkInterfaces":[{"DeviceIndex":0,"AssociatePublicIpAddress":false}]}\' then aws ec2 modify-launch-template --launch-template-id <id> --default-version <new>',
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-launch-template.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.25"] },
  evaluate: (asset) => (asset.config.associatePublicIpAddress ? PUBLIC : PRIVATE),
});
