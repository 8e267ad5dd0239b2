import {
  EC2Client,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
} from "@aws-sdk/client-ec2";
import { registerClients } from "../aws/clients.ts";
import { type CollectContext, lazyRead } from "./collector.ts";

// Collectors of other services place their resources in the region's network (subnets, security groups, route tables).
registerClients({ ec2: EC2Client });

/** The region's `DescribeSubnets` listing (pages merged). */
export interface SubnetListing {
  readonly Subnets?: Subnet[] | undefined;
}

/** The region's `DescribeSecurityGroups` listing (pages merged). */
export interface SecurityGroupListing {
  readonly SecurityGroups?: SecurityGroup[] | undefined;
}

/** The region's `DescribeRouteTables` listing (pages merged). */
export interface RouteTableListing {
  readonly RouteTables?: RouteTable[] | undefined;
}

export const lazySubnets = (c: CollectContext) =>
  lazyRead<SubnetListing>(() =>
    c.read.pages({ scope: c.region, service: "ec2", command: "describe-subnets" }, () =>
      paginateDescribeSubnets({ client: c.clients.ec2, pageSize: 500 }, {}),
    ),
  );

export const lazySecurityGroups = (c: CollectContext) =>
  lazyRead<SecurityGroupListing>(() =>
    c.read.pages({ scope: c.region, service: "ec2", command: "describe-security-groups" }, () =>
      paginateDescribeSecurityGroups({ client: c.clients.ec2, pageSize: 500 }, {}),
    ),
  );

export const lazyRouteTables = (c: CollectContext) =>
  lazyRead<RouteTableListing>(() =>
    c.read.pages({ scope: c.region, service: "ec2", command: "describe-route-tables" }, () =>
      // DescribeRouteTables takes 5 to 100 results a page.
      paginateDescribeRouteTables({ client: c.clients.ec2, pageSize: 100 }, {}),
    ),
  );
