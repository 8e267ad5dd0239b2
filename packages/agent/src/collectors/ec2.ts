import {
  type CreateVolumePermission,
  DescribeSnapshotAttributeCommand,
  DescribeVpcBlockPublicAccessOptionsCommand,
  type DescribeVpcBlockPublicAccessOptionsResult,
  EC2Client,
  type FlowLog,
  GetEbsEncryptionByDefaultCommand,
  type Instance,
  type NetworkAcl,
  paginateDescribeFlowLogs,
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type IpPermission as SdkIpPermission,
  type SecurityGroup,
  type Snapshot,
  type Subnet,
  type Volume,
  type Vpc,
  type VpcEndpoint,
} from "@aws-sdk/client-ec2";
import type { AssetOf, IpPermission, NetworkAclEntry } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import { type Collector, mapLimit, notListed, tagsOf, withName } from "./collector.ts";
import type { Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ ec2: EC2Client });

const PAGE = { pageSize: 500 };

function ec2Arn(c: Where, kind: string, id: string): string {
  return `arn:${c.partition}:ec2:${c.region}:${c.accountId}:${kind}/${id}`;
}

function header<T extends string>(c: Where, type: T, arn: string, tags: Record<string, string>) {
  return { arn, type, region: c.region, accountId: c.accountId, tags };
}

function permissionOf(p: SdkIpPermission): IpPermission {
  const out: IpPermission = {
    ipProtocol: p.IpProtocol ?? "-1",
    ipRanges: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
    ipv6Ranges: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
    userIdGroupPairs: (p.UserIdGroupPairs ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    prefixListIds: (p.PrefixListIds ?? []).flatMap((l) => (l.PrefixListId ? [l.PrefixListId] : [])),
  };
  if (p.FromPort !== undefined) out.fromPort = p.FromPort;
  if (p.ToPort !== undefined) out.toPort = p.ToPort;
  return out;
}

type InstanceState = AssetOf<"aws.ec2.instance">["config"]["state"];

export function instanceAsset(c: Where, i: Instance): AssetOf<"aws.ec2.instance"> {
  const id = i.InstanceId ?? "";
  const tags = tagsOf(i.Tags);
  const config: AssetOf<"aws.ec2.instance">["config"] = {
    instanceId: id,
    state: (i.State?.Name ?? "running") as InstanceState,
    metadataOptions: {
      // AWS omits MetadataOptions only on very old instances, which allow IMDSv1.
      httpTokens: i.MetadataOptions?.HttpTokens === "required" ? "required" : "optional",
      httpEndpoint: i.MetadataOptions?.HttpEndpoint === "disabled" ? "disabled" : "enabled",
    },
    hasPublicIpAddress: i.PublicIpAddress !== undefined && i.PublicIpAddress !== "",
    networkInterfaceCount: (i.NetworkInterfaces ?? []).length,
  };
  if (i.IamInstanceProfile?.Arn) config.iamInstanceProfileArn = i.IamInstanceProfile.Arn;
  if (i.VpcId) config.vpcId = i.VpcId;
  if (i.VirtualizationType === "hvm" || i.VirtualizationType === "paravirtual")
    config.virtualizationType = i.VirtualizationType;
  const stopped = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/.exec(i.StateTransitionReason ?? "");
  if (config.state === "stopped" && stopped) config.stoppedAt = `${stopped[1]}T${stopped[2]}.000Z`;
  return withName({ ...header(c, "aws.ec2.instance", ec2Arn(c, "instance", id), tags), config }, tags.Name);
}

export const ec2InstancesCollector: Collector = {
  id: "ec2-instances",
  scope: "regional",
  resourceTypes: ["aws.ec2.instance"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "ec2", command: "describe-instances" }, () =>
      paginateDescribeInstances({ client: c.clients.ec2, ...PAGE }, {}),
    );
    if (!out.ok) return notListed(c, ec2InstancesCollector);
    const assets = (out.value.Reservations ?? []).flatMap((r) =>
      (r.Instances ?? []).map((i) => instanceAsset(c, i)),
    );
    return { assets };
  },
};

/** A security group as `DescribeSecurityGroups` lists it. */
export function securityGroupAsset(c: Where, g: SecurityGroup): AssetOf<"aws.ec2.security-group"> {
  const id = g.GroupId ?? "";
  const config: AssetOf<"aws.ec2.security-group">["config"] = {
    groupId: id,
    groupName: g.GroupName ?? "",
    ipPermissions: (g.IpPermissions ?? []).map(permissionOf),
    ipPermissionsEgress: (g.IpPermissionsEgress ?? []).map(permissionOf),
  };
  if (g.VpcId) config.vpcId = g.VpcId;
  return withName(
    { ...header(c, "aws.ec2.security-group", ec2Arn(c, "security-group", id), tagsOf(g.Tags)), config },
    g.GroupName,
  );
}

export const securityGroupsCollector: Collector = {
  id: "ec2-security-groups",
  scope: "regional",
  resourceTypes: ["aws.ec2.security-group"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "ec2", command: "describe-security-groups" },
      () => paginateDescribeSecurityGroups({ client: c.clients.ec2, ...PAGE }, {}),
    );
    if (!out.ok) return notListed(c, securityGroupsCollector);
    const assets = (out.value.SecurityGroups ?? []).map((g) => securityGroupAsset(c, g));
    return { assets };
  },
};

type VolumeState = AssetOf<"aws.ec2.volume">["config"]["state"];

/** A volume as `DescribeVolumes` lists it. */
export function volumeAsset(c: Where, v: Volume): AssetOf<"aws.ec2.volume"> {
  const id = v.VolumeId ?? "";
  const tags = tagsOf(v.Tags);
  return withName(
    {
      ...header(c, "aws.ec2.volume", ec2Arn(c, "volume", id), tags),
      config: {
        volumeId: id,
        encrypted: v.Encrypted === true,
        state: (v.State ?? "available") as VolumeState,
        attachedInstanceIds: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
      },
    },
    tags.Name,
  );
}

export const volumesCollector: Collector = {
  id: "ec2-volumes",
  scope: "regional",
  resourceTypes: ["aws.ec2.volume"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "ec2", command: "describe-volumes" }, () =>
      paginateDescribeVolumes({ client: c.clients.ec2, ...PAGE }, {}),
    );
    if (!out.ok) return notListed(c, volumesCollector);
    const assets = (out.value.Volumes ?? []).map((v) => volumeAsset(c, v));
    return { assets };
  },
};

/** A snapshot as `DescribeSnapshots` lists it, with who may create volumes from it (`DescribeSnapshotAttribute`). */
export function snapshotAsset(
  c: Where,
  s: Snapshot,
  attribute: RawOutcome<{ CreateVolumePermissions?: CreateVolumePermission[] | undefined }>,
): AssetOf<"aws.ec2.snapshot"> {
  const id = s.SnapshotId ?? "";
  const unread = new UnreadFields();
  const tags = tagsOf(s.Tags);
  const config: Partial<AssetOf<"aws.ec2.snapshot">["config"]> = {
    snapshotId: id,
    encrypted: s.Encrypted === true,
  };
  if (!unread.failed(attribute, "createVolumePermissions") && attribute.ok)
    config.createVolumePermissions = (attribute.value.CreateVolumePermissions ?? []).map((p) => {
      const perm: { group?: "all"; userId?: string } = {};
      if (p.Group === "all") perm.group = "all";
      if (p.UserId) perm.userId = p.UserId;
      return perm;
    });
  if (s.VolumeId) config.volumeId = s.VolumeId;
  // EC2 snapshot ARNs carry no account id.
  const arn = `arn:${c.partition}:ec2:${c.region}::snapshot/${id}`;
  return unread.attach(
    withName(
      {
        ...header(c, "aws.ec2.snapshot", arn, tags),
        config: config as AssetOf<"aws.ec2.snapshot">["config"],
      },
      tags.Name,
    ),
  );
}

export const snapshotsCollector: Collector = {
  id: "ec2-snapshots",
  scope: "regional",
  resourceTypes: ["aws.ec2.snapshot"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "ec2", command: "describe-snapshots" }, () =>
      paginateDescribeSnapshots({ client: c.clients.ec2, ...PAGE }, { OwnerIds: ["self"] }),
    );
    if (!out.ok) return notListed(c, snapshotsCollector);
    const assets = await mapLimit(
      out.value.Snapshots ?? [],
      8,
      async (s): Promise<AssetOf<"aws.ec2.snapshot">> => {
        const id = s.SnapshotId ?? "";
        const attribute = await c.read.one(
          { scope: c.region, service: "ec2", command: "describe-snapshot-attribute", resource: id },
          () =>
            c.clients.ec2.send(
              new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }),
            ),
        );
        return snapshotAsset(c, s, attribute);
      },
    );
    return { assets };
  },
};

function flowLogState(f: FlowLog) {
  const traffic = f.TrafficType === "ACCEPT" || f.TrafficType === "REJECT" ? f.TrafficType : "ALL";
  return {
    flowLogId: f.FlowLogId ?? "",
    flowLogStatus: f.FlowLogStatus ?? "",
    trafficType: traffic,
  } as const;
}

/**
 * A VPC as `DescribeVpcs` lists it, with its flow logs from the region's `DescribeFlowLogs` and its
 * endpoints from the region's `DescribeVpcEndpoints` (each unread when its call failed).
 */
export function vpcAsset(
  c: Where,
  v: Vpc,
  flowLogs: RawOutcome<{ FlowLogs?: FlowLog[] | undefined }>,
  endpoints: RawOutcome<{ VpcEndpoints?: VpcEndpoint[] | undefined }>,
): AssetOf<"aws.ec2.vpc"> {
  // Without the flow logs the VPC is still there: its flow logs are unread.
  const logs = flowLogs.ok ? (flowLogs.value.FlowLogs ?? []) : [];
  const id = v.VpcId ?? "";
  const tags = tagsOf(v.Tags);
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.ec2.vpc">["config"]> = {
    vpcId: id,
    isDefault: v.IsDefault === true,
  };
  if (!unread.failed(flowLogs, "flowLogs"))
    config.flowLogs = logs.filter((f) => f.ResourceId === id).map(flowLogState);
  if (!unread.failed(endpoints, "endpoints") && endpoints.ok)
    config.endpoints = (endpoints.value.VpcEndpoints ?? [])
      .filter((e) => e.VpcId === id)
      .map((e) => ({
        vpcEndpointId: e.VpcEndpointId ?? "",
        serviceName: e.ServiceName ?? "",
        type: e.VpcEndpointType ?? "",
        state: e.State ?? "",
      }));
  return unread.attach(
    withName(
      {
        ...header(c, "aws.ec2.vpc", ec2Arn(c, "vpc", id), tags),
        config: config as AssetOf<"aws.ec2.vpc">["config"],
      },
      tags.Name,
    ),
  );
}

export const vpcsCollector: Collector = {
  id: "ec2-vpcs",
  scope: "regional",
  resourceTypes: ["aws.ec2.vpc"],
  async collect(c) {
    const [vpcs, flowLogs, endpoints] = await Promise.all([
      c.read.pages({ scope: c.region, service: "ec2", command: "describe-vpcs" }, () =>
        paginateDescribeVpcs({ client: c.clients.ec2, ...PAGE }, {}),
      ),
      c.read.pages({ scope: c.region, service: "ec2", command: "describe-flow-logs" }, () =>
        paginateDescribeFlowLogs({ client: c.clients.ec2, ...PAGE }, {}),
      ),
      c.read.pages({ scope: c.region, service: "ec2", command: "describe-vpc-endpoints" }, () =>
        paginateDescribeVpcEndpoints({ client: c.clients.ec2, ...PAGE }, {}),
      ),
    ]);
    if (!vpcs.ok) return notListed(c, vpcsCollector);
    const assets = (vpcs.value.Vpcs ?? []).map((v) => vpcAsset(c, v, flowLogs, endpoints));
    return { assets };
  },
};

/** A network ACL as `DescribeNetworkAcls` lists it. */
export function networkAclAsset(c: Where, n: NetworkAcl): AssetOf<"aws.ec2.network-acl"> {
  const id = n.NetworkAclId ?? "";
  const tags = tagsOf(n.Tags);
  const entries = (n.Entries ?? []).map((e): NetworkAclEntry => {
    const entry: NetworkAclEntry = {
      ruleNumber: e.RuleNumber ?? 32767,
      protocol: e.Protocol ?? "-1",
      ruleAction: e.RuleAction === "allow" ? "allow" : "deny",
      egress: e.Egress === true,
    };
    if (e.CidrBlock) entry.cidrBlock = e.CidrBlock;
    if (e.Ipv6CidrBlock) entry.ipv6CidrBlock = e.Ipv6CidrBlock;
    if (e.PortRange?.From !== undefined && e.PortRange.To !== undefined) {
      entry.portRange = { from: e.PortRange.From, to: e.PortRange.To };
    }
    return entry;
  });
  return withName(
    {
      ...header(c, "aws.ec2.network-acl", ec2Arn(c, "network-acl", id), tags),
      config: {
        networkAclId: id,
        vpcId: n.VpcId ?? "",
        isDefault: n.IsDefault === true,
        entries,
        subnetIds: (n.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
      },
    },
    tags.Name,
  );
}

export const networkAclsCollector: Collector = {
  id: "ec2-network-acls",
  scope: "regional",
  resourceTypes: ["aws.ec2.network-acl"],
  async collect(c) {
    const out = await c.read.pages(
      { scope: c.region, service: "ec2", command: "describe-network-acls" },
      () => paginateDescribeNetworkAcls({ client: c.clients.ec2, ...PAGE }, {}),
    );
    if (!out.ok) return notListed(c, networkAclsCollector);
    const assets = (out.value.NetworkAcls ?? []).map((n) => networkAclAsset(c, n));
    return { assets };
  },
};

/** A subnet as `DescribeSubnets` lists it. */
export function subnetAsset(c: Where, n: Subnet): AssetOf<"aws.ec2.subnet"> {
  const id = n.SubnetId ?? "";
  const tags = tagsOf(n.Tags);
  return withName(
    {
      ...header(c, "aws.ec2.subnet", n.SubnetArn ?? ec2Arn(c, "subnet", id), tags),
      config: {
        subnetId: id,
        vpcId: n.VpcId ?? "",
        availabilityZone: n.AvailabilityZone ?? "",
        defaultForAz: n.DefaultForAz === true,
        mapPublicIpOnLaunch: n.MapPublicIpOnLaunch === true,
      },
    },
    tags.Name,
  );
}

export const subnetsCollector: Collector = {
  id: "ec2-subnets",
  scope: "regional",
  resourceTypes: ["aws.ec2.subnet"],
  async collect(c) {
    const out = await c.read.pages({ scope: c.region, service: "ec2", command: "describe-subnets" }, () =>
      paginateDescribeSubnets({ client: c.clients.ec2, ...PAGE }, {}),
    );
    if (!out.ok) return notListed(c, subnetsCollector);
    return { assets: (out.value.Subnets ?? []).map((n) => subnetAsset(c, n)) };
  },
};

/** The region's EBS encryption by default (`GetEbsEncryptionByDefault`): the setting exists whether or not it could be read. */
export function ebsSettingsAsset(
  c: Where,
  out: RawOutcome<{ EbsEncryptionByDefault?: boolean | undefined }>,
  blockPublicAccess: RawOutcome<
    Pick<DescribeVpcBlockPublicAccessOptionsResult, "VpcBlockPublicAccessOptions">
  >,
): AssetOf<"aws.ec2.account-settings"> {
  const unread = new UnreadFields();
  const config: Partial<AssetOf<"aws.ec2.account-settings">["config"]> = {};
  if (!unread.failed(out, "ebsEncryptionByDefault") && out.ok)
    config.ebsEncryptionByDefault = out.value.EbsEncryptionByDefault === true;
  if (!unread.failed(blockPublicAccess, "vpcBlockPublicAccessMode") && blockPublicAccess.ok)
    // A region where it was never set answers `off` (AWS's default).
    config.vpcBlockPublicAccessMode =
      blockPublicAccess.value.VpcBlockPublicAccessOptions?.InternetGatewayBlockMode ?? "off";
  return unread.attach({
    ...header(c, "aws.ec2.account-settings", `${c.accountId}/${c.region}`, {}),
    config: config as AssetOf<"aws.ec2.account-settings">["config"],
  });
}

export const ebsDefaultEncryptionCollector: Collector = {
  id: "ec2-ebs-encryption-by-default",
  scope: "regional",
  resourceTypes: ["aws.ec2.account-settings"],
  async collect(c) {
    const [out, blockPublicAccess] = await Promise.all([
      c.read.one({ scope: c.region, service: "ec2", command: "get-ebs-encryption-by-default" }, () =>
        c.clients.ec2.send(new GetEbsEncryptionByDefaultCommand({})),
      ),
      c.read.one(
        { scope: c.region, service: "ec2", command: "describe-vpc-block-public-access-options" },
        () => c.clients.ec2.send(new DescribeVpcBlockPublicAccessOptionsCommand({})),
      ),
    ]);
    return { assets: [ebsSettingsAsset(c, out, blockPublicAccess)] };
  },
};
