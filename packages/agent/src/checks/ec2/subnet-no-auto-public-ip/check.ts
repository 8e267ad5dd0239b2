import { defineCheck, fail, pass } from "../../check.ts";

const PRIVATE = pass("instances launched into the subnet get no public IPv4 address");

export const subnetNoAutoPublicIp = defineCheck({
  id: "vigil.ec2.subnet-no-auto-public-ip",
  title: "EC2 subnets should not automatically assign public IP addresses",
  severity: "medium",
  resourceType: "aws.ec2.subnet",
  reads: ["defaultForAz", "mapPublicIpOnLaunch"],
  rationale:
    "A subnet that maps public IPv4 addresses on launch puts every instance launched into it on the internet unless someone remembers to opt out; public addresses should be a decision per workload.",
  remediation:
    "aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch (console: VPC > Subnets > select > Actions > Edit subnet settings > clear Enable auto-assign public IPv4 address)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15",
    "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.15"] },
  evaluate: (asset) =>
    asset.config.mapPublicIpOnLaunch
      ? fail(
          `the subnet assigns public IPv4 addresses on launch${asset.config.defaultForAz ? " (a default subnet)" : ""}`,
        )
      : PRIVATE,
});
