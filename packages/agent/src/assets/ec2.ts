import { lazySchema } from "@vigil/events";
import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One `IpPermission` of `DescribeSecurityGroups`, flattened to the CIDRs and group references. */
export const ipPermissionSchema = lazySchema(() =>
  z.object({
    /** `-1` means every protocol (and every port). */
    ipProtocol: z.string(),
    fromPort: z.number().int().optional(),
    toPort: z.number().int().optional(),
    ipRanges: z.array(z.string()),
    ipv6Ranges: z.array(z.string()),
    userIdGroupPairs: z.array(z.string()),
    prefixListIds: z.array(z.string()),
  }),
);
export type IpPermission = z.infer<typeof ipPermissionSchema>;

export const ec2InstanceSchema = assetSchemaOf("aws.ec2.instance", () =>
  z.object({
    instanceId: z.string(),
    state: z.enum(["pending", "running", "shutting-down", "terminated", "stopping", "stopped"]),
    metadataOptions: z.object({
      httpTokens: z.enum(["optional", "required"]),
      httpEndpoint: z.enum(["enabled", "disabled"]),
    }),
    /** True when `PublicIpAddress` is set; the address itself stays in the account. */
    hasPublicIpAddress: z.boolean(),
    iamInstanceProfileArn: z.string().optional(),
    vpcId: z.string().optional(),
    /** `VirtualizationType`; absent when the answer did not say. */
    virtualizationType: z.enum(["hvm", "paravirtual"]).optional(),
    /**
     * When a stopped instance stopped, from `StateTransitionReason` (`User initiated (2024-05-08
     * 17:57:29 GMT)`); absent when it is not stopped or the reason names no time.
     */
    stoppedAt: z.string().optional(),
    /** `NetworkInterfaces[]` attached to the instance (the primary one included). */
    networkInterfaceCount: z.number().int().nonnegative(),
  }),
);

export const ec2SecurityGroupSchema = assetSchemaOf("aws.ec2.security-group", () =>
  z.object({
    groupId: z.string(),
    groupName: z.string(),
    vpcId: z.string().optional(),
    ipPermissions: z.array(ipPermissionSchema),
    ipPermissionsEgress: z.array(ipPermissionSchema),
  }),
);

export const ec2VolumeSchema = assetSchemaOf("aws.ec2.volume", () =>
  z.object({
    volumeId: z.string(),
    encrypted: z.boolean(),
    state: z.enum(["creating", "available", "in-use", "deleting", "deleted", "error"]),
    attachedInstanceIds: z.array(z.string()),
  }),
);

export const ec2SnapshotSchema = assetSchemaOf("aws.ec2.snapshot", () =>
  z.object({
    snapshotId: z.string(),
    encrypted: z.boolean(),
    volumeId: z.string().optional(),
    /** `DescribeSnapshotAttribute(createVolumePermission)`; `group: "all"` means public. */
    createVolumePermissions: z.array(
      z.object({ group: z.literal("all").optional(), userId: z.string().optional() }),
    ),
  }),
);

export const ec2VpcSchema = assetSchemaOf("aws.ec2.vpc", () =>
  z.object({
    vpcId: z.string(),
    isDefault: z.boolean(),
    /** `DescribeFlowLogs` entries whose `ResourceId` is this VPC. */
    flowLogs: z.array(
      z.object({
        flowLogId: z.string(),
        flowLogStatus: z.string(),
        trafficType: z.enum(["ACCEPT", "REJECT", "ALL"]),
      }),
    ),
    /** `DescribeVpcEndpoints` entries whose `VpcId` is this VPC. */
    endpoints: z.array(
      z.object({
        vpcEndpointId: z.string(),
        /** `ServiceName`, e.g. `com.amazonaws.us-east-1.ssm`. */
        serviceName: z.string(),
        /** `VpcEndpointType`: `Interface`, `Gateway`, `GatewayLoadBalancer`, … */
        type: z.string(),
        /** `State`, e.g. `available`, `pendingAcceptance`, `rejected` (AWS's case varies by API). */
        state: z.string(),
      }),
    ),
  }),
);

export const networkAclEntrySchema = lazySchema(() =>
  z.object({
    ruleNumber: z.number().int(),
    /** `-1` (all), or an IANA protocol number as a string (`6` is TCP, `17` is UDP). */
    protocol: z.string(),
    ruleAction: z.enum(["allow", "deny"]),
    egress: z.boolean(),
    cidrBlock: z.string().optional(),
    ipv6CidrBlock: z.string().optional(),
    portRange: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  }),
);
export type NetworkAclEntry = z.infer<typeof networkAclEntrySchema>;

export const ec2NetworkAclSchema = assetSchemaOf("aws.ec2.network-acl", () =>
  z.object({
    networkAclId: z.string(),
    vpcId: z.string(),
    isDefault: z.boolean(),
    entries: z.array(networkAclEntrySchema),
    /** The subnets it is associated with (`Associations[].SubnetId`). */
    subnetIds: z.array(z.string()),
  }),
);

export const ec2SubnetSchema = assetSchemaOf("aws.ec2.subnet", () =>
  z.object({
    subnetId: z.string(),
    vpcId: z.string(),
    availabilityZone: z.string(),
    /** `DefaultForAz`: the default subnet of its zone, in the default VPC. */
    defaultForAz: z.boolean(),
    /** `MapPublicIpOnLaunch`: instances launched into it get a public IPv4 address. */
    mapPublicIpOnLaunch: z.boolean(),
  }),
);

/** An AWS Site-to-Site VPN connection (`DescribeVpnConnections`). */
export const ec2VpnConnectionSchema = assetSchemaOf("aws.ec2.vpn-connection", () =>
  z.object({
    vpnConnectionId: z.string(),
    /** `State`: `pending`, `available`, `deleting`, `deleted`. */
    state: z.string(),
    /** `VgwTelemetry[].Status` of its two tunnels: `UP` or `DOWN`. */
    tunnelStatuses: z.array(z.string()),
    /** Per tunnel (`Options.TunnelOptions[]`): its activity logged to CloudWatch Logs (`LogOptions.CloudWatchLogOptions.LogEnabled`). */
    tunnelLogging: z.array(z.boolean()),
  }),
);

/** A transit gateway (`DescribeTransitGateways`). */
export const ec2TransitGatewaySchema = assetSchemaOf("aws.ec2.transit-gateway", () =>
  z.object({
    transitGatewayId: z.string(),
    /** `State`: `available`, `deleted`, … */
    state: z.string(),
    /** `Options.AutoAcceptSharedAttachments` is `enable`: attachments from other accounts join without review. */
    autoAcceptSharedAttachments: z.boolean(),
  }),
);

/** An AWS Client VPN endpoint (`DescribeClientVpnEndpoints`). */
export const ec2ClientVpnEndpointSchema = assetSchemaOf("aws.ec2.client-vpn-endpoint", () =>
  z.object({
    clientVpnEndpointId: z.string(),
    /** `ConnectionLogOptions.Enabled`: client connections logged to CloudWatch Logs. */
    connectionLogging: z.boolean(),
  }),
);

/** An elastic network interface (`DescribeNetworkInterfaces`). */
export const ec2NetworkInterfaceSchema = assetSchemaOf("aws.ec2.network-interface", () =>
  z.object({
    networkInterfaceId: z.string(),
    /** `InterfaceType`: `interface`, `efa`, `branch`, `lambda`, `natGateway`, … */
    interfaceType: z.string(),
    /** `SourceDestCheck`: traffic not addressed to the interface is dropped. */
    sourceDestCheck: z.boolean(),
  }),
);

/** An EC2 Spot Fleet request (`DescribeSpotFleetRequests`). */
export const ec2SpotFleetRequestSchema = assetSchemaOf("aws.ec2.spot-fleet-request", () =>
  z.object({
    spotFleetRequestId: z.string(),
    /** `SpotFleetRequestState`: `active`, `cancelled`, … */
    state: z.string(),
    /** The request gives launch parameters (`LaunchSpecifications`) rather than only launch templates. */
    hasLaunchSpecifications: z.boolean(),
    /** Device names of the EBS volumes its launch specifications map without `Encrypted: true`. */
    unencryptedVolumes: z.array(z.string()),
  }),
);

/** Per-region EC2 settings; `arn` is `<account>/<region>`. */
export const ec2AccountSettingsSchema = assetSchemaOf("aws.ec2.account-settings", () =>
  z.object({
    /** `GetEbsEncryptionByDefault` `EbsEncryptionByDefault`. */
    ebsEncryptionByDefault: z.boolean(),
    /**
     * `DescribeVpcBlockPublicAccessOptions` `InternetGatewayBlockMode`: `off` (the default: internet
     * gateways pass traffic), `block-bidirectional` or `block-ingress`.
     */
    vpcBlockPublicAccessMode: z.string(),
  }),
);
