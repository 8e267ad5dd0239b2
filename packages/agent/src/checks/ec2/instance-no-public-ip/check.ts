import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("the instance has no public IPv4 address");
const PUBLIC = fail("the instance has a public IPv4 address");

export const instanceNoPublicIp = defineCheck({
  id: "vigil.ec2.instance-no-public-ip",
  title: "EC2 instances should not have a public IPv4 address",
  severity: "high",
  resourceType: "aws.ec2.instance",
  reads: ["hasPublicIpAddress", "state"],
  rationale:
    "An instance with a public address is reachable from the internet whenever a security group or NACL rule allows it; keeping instances private behind load balancers or NAT limits the blast radius of a rule mistake.",
  remediation:
    "Launch instances in private subnets without auto-assigned public IPs (subnet MapPublicIpOnLaunch=false, AssociatePublicIpAddress=false), and expose services through a load balancer.",
  references: ["https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9"],
  mappings: { cis: [], fsbp: ["EC2.9"] },
  evaluate: (asset) => {
    if (asset.config.state === "terminated") return undefined;
    return asset.config.hasPublicIpAddress ? PUBLIC : PRIVATE;
  },
});
