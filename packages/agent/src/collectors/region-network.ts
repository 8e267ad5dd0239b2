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
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";

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

/** A region-wide EC2 listing, read at most once and only when first asked for. */
function lazy<T extends object>(read: () => Promise<RawOutcome<T>>): () => Promise<RawOutcome<T>> {
  let out: Promise<RawOutcome<T>> | undefined;
  return () => {
    out ??= read();
    return out;
  };
}

export const lazySubnets = (c: CollectContext) =>
  lazy<SubnetListing>(() =>
    c.read.pages({ scope: c.region, service: "ec2", command: "describe-subnets" }, () =>
      paginateDescribeSubnets({ client: c.clients.ec2, pageSize: 500 }, {}),
    ),
  );

export const lazySecurityGroups = (c: CollectContext) =>
  lazy<SecurityGroupListing>(() =>
    c.read.pages({ scope: c.region, service: "ec2", command: "describe-security-groups" }, () =>
      paginateDescribeSecurityGroups({ client: c.clients.ec2, pageSize: 500 }, {}),
    ),
  );

export const lazyRouteTables = (c: CollectContext) =>
  lazy<RouteTableListing>(() =>
    c.read.pages({ scope: c.region, service: "ec2", command: "describe-route-tables" }, () =>
      // DescribeRouteTables takes 5 to 100 results a page.
      paginateDescribeRouteTables({ client: c.clients.ec2, pageSize: 100 }, {}),
    ),
  );
