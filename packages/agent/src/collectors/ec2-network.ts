import {
  type ClientVpnEndpoint,
  DescribeVpnConnectionsCommand,
  type NetworkInterface,
  paginateDescribeClientVpnEndpoints,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSpotFleetRequests,
  paginateDescribeTransitGateways,
  type SpotFleetRequestConfig,
  type TransitGateway,
  type VpnConnection,
} from "@aws-sdk/client-ec2";
import type { AssetOf } from "../assets/index.ts";
import { tagsOf } from "./collector.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

/**
 * The EC2 network resources FSBP checks beyond VPCs and subnets: Site-to-Site VPN connections,
 * transit gateways, Client VPN endpoints, network interfaces and Spot Fleet requests, each from
 * its one listing call (the `ec2` client is registered by ec2.ts, loaded with these).
 */

const PAGE = { pageSize: 500 };

const arnOf = (c: Where, kind: string, id: string) =>
  `arn:${c.partition}:ec2:${c.region}:${c.accountId}:${kind}/${id}`;

/** The `Name` tag when there is one, else the id. */
function head(arn: string, id: string, tags: Record<string, string>) {
  return { arn, name: tags.Name ?? id, tags };
}

/** A Site-to-Site VPN connection as `DescribeVpnConnections` lists it. */
export function vpnConnectionAsset(c: Where, v: VpnConnection): AssetOf<"aws.ec2.vpn-connection"> {
  const id = v.VpnConnectionId ?? "";
  const tags = tagsOf(v.Tags);
  return regionalAsset(
    c,
    "aws.ec2.vpn-connection",
    head(arnOf(c, "vpn-connection", id), id, tags),
    {
      vpnConnectionId: id,
      state: v.State ?? "",
      tunnelStatuses: (v.VgwTelemetry ?? []).map((t) => t.Status ?? ""),
      tunnelLogging: (v.Options?.TunnelOptions ?? []).map(
        (t) => t.LogOptions?.CloudWatchLogOptions?.LogEnabled === true,
      ),
    },
    new UnreadFields(),
  );
}

export const vpnConnectionsCollector = listedCollector({
  id: "ec2-vpn-connections",
  type: "aws.ec2.vpn-connection",
  service: "ec2",
  command: "describe-vpn-connections",
  // No pagination: one answer holds every connection of the region.
  page: (c) => c.clients.ec2.send(new DescribeVpnConnectionsCommand({})),
  items: (listing) => listing.VpnConnections,
  asset: async (c, v) => vpnConnectionAsset(c, v),
});

/** A transit gateway as `DescribeTransitGateways` lists it. */
export function transitGatewayAsset(c: Where, t: TransitGateway): AssetOf<"aws.ec2.transit-gateway"> {
  const id = t.TransitGatewayId ?? "";
  const tags = tagsOf(t.Tags);
  return regionalAsset(
    c,
    "aws.ec2.transit-gateway",
    head(t.TransitGatewayArn ?? arnOf(c, "transit-gateway", id), id, tags),
    {
      transitGatewayId: id,
      state: t.State ?? "",
      autoAcceptSharedAttachments: t.Options?.AutoAcceptSharedAttachments === "enable",
    },
    new UnreadFields(),
  );
}

export const transitGatewaysCollector = listedCollector({
  id: "ec2-transit-gateways",
  type: "aws.ec2.transit-gateway",
  service: "ec2",
  command: "describe-transit-gateways",
  pages: (c) => paginateDescribeTransitGateways({ client: c.clients.ec2, ...PAGE }, {}),
  items: (listing) => listing.TransitGateways,
  asset: async (c, t) => transitGatewayAsset(c, t),
});

/** A Client VPN endpoint as `DescribeClientVpnEndpoints` lists it. */
export function clientVpnEndpointAsset(
  c: Where,
  e: ClientVpnEndpoint,
): AssetOf<"aws.ec2.client-vpn-endpoint"> {
  const id = e.ClientVpnEndpointId ?? "";
  const tags = tagsOf(e.Tags);
  return regionalAsset(
    c,
    "aws.ec2.client-vpn-endpoint",
    head(arnOf(c, "client-vpn-endpoint", id), id, tags),
    { clientVpnEndpointId: id, connectionLogging: e.ConnectionLogOptions?.Enabled === true },
    new UnreadFields(),
  );
}

export const clientVpnEndpointsCollector = listedCollector({
  id: "ec2-client-vpn-endpoints",
  type: "aws.ec2.client-vpn-endpoint",
  service: "ec2",
  command: "describe-client-vpn-endpoints",
  pages: (c) => paginateDescribeClientVpnEndpoints({ client: c.clients.ec2, ...PAGE }, {}),
  items: (listing) => listing.ClientVpnEndpoints,
  asset: async (c, e) => clientVpnEndpointAsset(c, e),
});

/** A network interface as `DescribeNetworkInterfaces` lists it. */
export function networkInterfaceAsset(c: Where, n: NetworkInterface): AssetOf<"aws.ec2.network-interface"> {
  const id = n.NetworkInterfaceId ?? "";
  const tags = tagsOf(n.TagSet);
  return regionalAsset(
    c,
    "aws.ec2.network-interface",
    head(arnOf(c, "network-interface", id), id, tags),
    {
      networkInterfaceId: id,
      interfaceType: n.InterfaceType ?? "interface",
      sourceDestCheck: n.SourceDestCheck !== false,
    },
    new UnreadFields(),
  );
}

export const networkInterfacesCollector = listedCollector({
  id: "ec2-network-interfaces",
  type: "aws.ec2.network-interface",
  service: "ec2",
  command: "describe-network-interfaces",
  pages: (c) => paginateDescribeNetworkInterfaces({ client: c.clients.ec2, ...PAGE }, {}),
  items: (listing) => listing.NetworkInterfaces,
  asset: async (c, n) => networkInterfaceAsset(c, n),
});

/** A Spot Fleet request as `DescribeSpotFleetRequests` lists it. */
export function spotFleetRequestAsset(
  c: Where,
  r: SpotFleetRequestConfig,
): AssetOf<"aws.ec2.spot-fleet-request"> {
  const id = r.SpotFleetRequestId ?? "";
  const tags = tagsOf(r.Tags);
  const specifications = r.SpotFleetRequestConfig?.LaunchSpecifications ?? [];
  return regionalAsset(
    c,
    "aws.ec2.spot-fleet-request",
    head(arnOf(c, "spot-fleet-request", id), id, tags),
    {
      spotFleetRequestId: id,
      state: r.SpotFleetRequestState ?? "",
      hasLaunchSpecifications: specifications.length > 0,
      unencryptedVolumes: specifications.flatMap((s) =>
        (s.BlockDeviceMappings ?? []).flatMap((m) =>
          m.Ebs !== undefined && m.Ebs.Encrypted !== true ? [m.DeviceName ?? ""] : [],
        ),
      ),
    },
    new UnreadFields(),
  );
}

export const spotFleetRequestsCollector = listedCollector({
  id: "ec2-spot-fleet-requests",
  type: "aws.ec2.spot-fleet-request",
  service: "ec2",
  command: "describe-spot-fleet-requests",
  pages: (c) => paginateDescribeSpotFleetRequests({ client: c.clients.ec2, ...PAGE }, {}),
  items: (listing) => listing.SpotFleetRequestConfigs,
  asset: async (c, r) => spotFleetRequestAsset(c, r),
});
