import { defineCheck, fail, pass } from "../../check.ts";

export const rdsInstanceNotInPublicSubnet = defineCheck({
  id: "vigil.rds.instance-not-in-public-subnet",
  title: "RDS DB instances should not be deployed in public subnets with routes to internet gateways",
  severity: "high",
  resourceType: "aws.rds.instance",
  reads: ["subnetsRoutedToInternetGateway"],
  rationale:
    "A subnet whose route table sends traffic to an internet gateway is public: an instance placed in it is one PubliclyAccessible flag or one failover away from a public address, and its traffic to the internet bypasses any NAT or inspection. A DB subnet group should hold only private subnets.",
  remediation:
    "Move the instance to a DB subnet group of private subnets (aws rds create-db-subnet-group --subnet-ids <private subnets>, then aws rds modify-db-instance --db-instance-identifier <id> --db-subnet-group-name <group> --apply-immediately), or associate the group's subnets with a route table that has no route to an internet gateway (aws ec2 replace-route-table-association / associate-route-table)",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-46",
    "https://docs.aws.amazon.com/config/latest/developerguide/rds-instance-subnet-igw-check.html",
  ],
  mappings: { cis: [], fsbp: ["RDS.46"] },
  evaluate: (asset) => {
    const [first, ...others] = asset.config.subnetsRoutedToInternetGateway;
    if (first === undefined)
      return pass("no subnet of its DB subnet group has a route to an internet gateway");
    const more = others.length > 0 ? ` (and ${others.length} more)` : "";
    return fail(`DB subnet ${first.subnetId} routes to ${first.gatewayId} via ${first.routeTableId}${more}`);
  },
});
