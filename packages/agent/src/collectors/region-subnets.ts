import { EC2Client, paginateDescribeSubnets, type Subnet } from "@aws-sdk/client-ec2";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { CollectContext } from "./collector.ts";

// Collectors of other services place their resources' subnets (zones, public IPs on launch).
registerClients({ ec2: EC2Client });

/** The region's `DescribeSubnets` listing (pages merged). */
export interface SubnetListing {
  readonly Subnets?: Subnet[] | undefined;
}

/** The region's subnets, read at most once and only when first asked for. */
export function lazySubnets(c: CollectContext): () => Promise<RawOutcome<SubnetListing>> {
  let read: Promise<RawOutcome<SubnetListing>> | undefined;
  return () => {
    read ??= c.read.pages({ scope: c.region, service: "ec2", command: "describe-subnets" }, () =>
      paginateDescribeSubnets({ client: c.clients.ec2, pageSize: 500 }, {}),
    );
    return read;
  };
}
