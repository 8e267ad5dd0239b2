import type {
  ClientVpnEndpoint,
  NetworkInterface,
  SpotFleetRequestConfig,
  TransitGateway,
  VpnConnection,
} from "@aws-sdk/client-ec2";
import {
  clientVpnEndpointAsset,
  networkInterfaceAsset,
  spotFleetRequestAsset,
  transitGatewayAsset,
  vpnConnectionAsset,
} from "../../collectors/ec2-network.ts";
import { ACCOUNT, REGION } from "./aws.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** A tunnel's options as `DescribeVpnConnections` gives them, its CloudWatch logging on or off. */
const tunnel = (outside: string, logging: boolean) => ({
  OutsideIpAddress: outside,
  TunnelInsideCidr: "169.254.10.0/30",
  LogOptions: {
    CloudWatchLogOptions: logging
      ? {
          LogEnabled: true,
          LogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:vpn-tunnels`,
          LogOutputFormat: "json",
        }
      : { LogEnabled: false },
  },
});

/** A `DescribeVpnConnections` `VpnConnections[]` entry: both tunnels up and logged. */
export const VPN: VpnConnection = {
  VpnConnectionId: "vpn-0a1b2c3d4e5f60001",
  CustomerGatewayId: "cgw-0a1b2c3d4e5f60001",
  VpnGatewayId: "vgw-0a1b2c3d4e5f60001",
  Category: "VPN",
  State: "available",
  Type: "ipsec.1",
  Options: {
    StaticRoutesOnly: false,
    TunnelOptions: [tunnel("203.0.113.10", true), tunnel("203.0.113.20", true)],
  },
  VgwTelemetry: [
    { OutsideIpAddress: "203.0.113.10", Status: "UP", AcceptedRouteCount: 3, StatusMessage: "3 BGP ROUTES" },
    { OutsideIpAddress: "203.0.113.20", Status: "UP", AcceptedRouteCount: 3, StatusMessage: "3 BGP ROUTES" },
  ],
  Tags: [{ Key: "Name", Value: "office" }],
};
export const vpn = (over: Partial<VpnConnection> = {}) => vpnConnectionAsset(WHERE, { ...VPN, ...over });
export const withTunnelLogging = (first: boolean, second: boolean): Partial<VpnConnection> => ({
  Options: { TunnelOptions: [tunnel("203.0.113.10", first), tunnel("203.0.113.20", second)] },
});

/** A `DescribeTransitGateways` `TransitGateways[]` entry. */
export const transitGateway = (autoAccept: "enable" | "disable", over: Partial<TransitGateway> = {}) =>
  transitGatewayAsset(WHERE, {
    TransitGatewayId: "tgw-0a1b2c3d4e5f60001",
    TransitGatewayArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:transit-gateway/tgw-0a1b2c3d4e5f60001`,
    State: "available",
    OwnerId: ACCOUNT,
    Options: {
      AmazonSideAsn: 64512,
      AutoAcceptSharedAttachments: autoAccept,
      DefaultRouteTableAssociation: "enable",
      DefaultRouteTablePropagation: "enable",
      VpnEcmpSupport: "enable",
      DnsSupport: "enable",
    },
    ...over,
  });

/** A `DescribeClientVpnEndpoints` `ClientVpnEndpoints[]` entry. */
export const clientVpnEndpoint = (logging: ClientVpnEndpoint["ConnectionLogOptions"]) =>
  clientVpnEndpointAsset(WHERE, {
    ClientVpnEndpointId: "cvpn-endpoint-0a1b2c3d4e5f60001",
    Status: { Code: "available" },
    ClientCidrBlock: "10.200.0.0/22",
    VpnProtocol: "openvpn",
    TransportProtocol: "udp",
    ServerCertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/1234abcd`,
    ConnectionLogOptions: logging,
  });

/** A `DescribeNetworkInterfaces` `NetworkInterfaces[]` entry (an instance's primary interface). */
export const networkInterface = (over: Partial<NetworkInterface> = {}) =>
  networkInterfaceAsset(WHERE, {
    NetworkInterfaceId: "eni-0a1b2c3d4e5f60001",
    InterfaceType: "interface",
    AvailabilityZone: `${REGION}a`,
    Description: "",
    OwnerId: ACCOUNT,
    PrivateIpAddress: "10.0.1.10",
    RequesterManaged: false,
    SourceDestCheck: true,
    Status: "in-use",
    SubnetId: "subnet-0a1b2c3d4e5f60001",
    VpcId: "vpc-0a1b2c3d",
    TagSet: [],
    ...over,
  });

/** A `DescribeSpotFleetRequests` `SpotFleetRequestConfigs[]` entry with launch parameters. */
export const spotFleet = (over: Partial<SpotFleetRequestConfig["SpotFleetRequestConfig"]> = {}) =>
  spotFleetRequestAsset(WHERE, {
    SpotFleetRequestId: "sfr-0a1b2c3d-4e5f-6789-abcd-ef0123456789",
    SpotFleetRequestState: "active",
    ActivityStatus: "fulfilled",
    SpotFleetRequestConfig: {
      IamFleetRole: `arn:aws:iam::${ACCOUNT}:role/aws-ec2-spot-fleet-tagging-role`,
      TargetCapacity: 2,
      AllocationStrategy: "priceCapacityOptimized",
      LaunchSpecifications: [
        {
          ImageId: "ami-0a1b2c3d4e5f60001",
          InstanceType: "m6i.large",
          BlockDeviceMappings: [
            { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "gp3", Encrypted: true } },
          ],
        },
      ],
      ...over,
    },
  });
