import { AwsApiError, apiError } from "../errors.ts";
import {
  type Call,
  deleteFile,
  type Filter,
  type Handler,
  matchesFilters,
  type Output,
  paginate,
  read,
  readList,
  required,
  setFile,
  strings,
} from "./context.ts";

type Item = Record<string, unknown>;

interface ListSpec {
  readonly command: string;
  readonly list: string;
  /** [input member, item member, not-found code] */
  readonly ids: readonly (readonly [string, string, string])[];
  readonly filterMember?: string;
}

const LISTS: Record<string, ListSpec> = {
  DescribeSecurityGroups: {
    command: "describe-security-groups",
    list: "SecurityGroups",
    ids: [
      ["GroupIds", "GroupId", "InvalidGroup.NotFound"],
      ["GroupNames", "GroupName", "InvalidGroup.NotFound"],
    ],
  },
  DescribeVolumes: {
    command: "describe-volumes",
    list: "Volumes",
    ids: [["VolumeIds", "VolumeId", "InvalidVolume.NotFound"]],
  },
  DescribeSnapshots: {
    command: "describe-snapshots",
    list: "Snapshots",
    ids: [["SnapshotIds", "SnapshotId", "InvalidSnapshot.NotFound"]],
  },
  DescribeVpcs: {
    command: "describe-vpcs",
    list: "Vpcs",
    ids: [["VpcIds", "VpcId", "InvalidVpcID.NotFound"]],
  },
  DescribeFlowLogs: {
    command: "describe-flow-logs",
    list: "FlowLogs",
    ids: [["FlowLogIds", "FlowLogId", "InvalidFlowLogId.NotFound"]],
    filterMember: "Filter",
  },
  DescribeVpcEndpoints: {
    command: "describe-vpc-endpoints",
    list: "VpcEndpoints",
    ids: [["VpcEndpointIds", "VpcEndpointId", "InvalidVpcEndpointId.NotFound"]],
  },
  DescribeNetworkAcls: {
    command: "describe-network-acls",
    list: "NetworkAcls",
    ids: [["NetworkAclIds", "NetworkAclId", "InvalidNetworkAclID.NotFound"]],
  },
  DescribeSubnets: {
    command: "describe-subnets",
    list: "Subnets",
    ids: [["SubnetIds", "SubnetId", "InvalidSubnetID.NotFound"]],
  },
  DescribeRouteTables: {
    command: "describe-route-tables",
    list: "RouteTables",
    ids: [["RouteTableIds", "RouteTableId", "InvalidRouteTableID.NotFound"]],
  },
  DescribeVpnConnections: {
    command: "describe-vpn-connections",
    list: "VpnConnections",
    ids: [["VpnConnectionIds", "VpnConnectionId", "InvalidVpnConnectionID.NotFound"]],
  },
  DescribeTransitGateways: {
    command: "describe-transit-gateways",
    list: "TransitGateways",
    ids: [["TransitGatewayIds", "TransitGatewayId", "InvalidTransitGatewayID.NotFound"]],
  },
  DescribeClientVpnEndpoints: {
    command: "describe-client-vpn-endpoints",
    list: "ClientVpnEndpoints",
    ids: [["ClientVpnEndpointIds", "ClientVpnEndpointId", "InvalidClientVpnEndpointId.NotFound"]],
  },
  DescribeNetworkInterfaces: {
    command: "describe-network-interfaces",
    list: "NetworkInterfaces",
    ids: [["NetworkInterfaceIds", "NetworkInterfaceId", "InvalidNetworkInterfaceID.NotFound"]],
  },
  DescribeSpotFleetRequests: {
    command: "describe-spot-fleet-requests",
    list: "SpotFleetRequestConfigs",
    ids: [["SpotFleetRequestIds", "SpotFleetRequestId", "InvalidSpotFleetRequestId.NotFound"]],
  },
  DescribeLaunchTemplates: {
    command: "describe-launch-templates",
    list: "LaunchTemplates",
    ids: [
      ["LaunchTemplateIds", "LaunchTemplateId", "InvalidLaunchTemplateId.NotFound"],
      ["LaunchTemplateNames", "LaunchTemplateName", "InvalidLaunchTemplateName.NotFoundException"],
    ],
  },
};

function filtersOf(call: Call, member = "Filters"): Filter[] {
  const f = call.input[member];
  return Array.isArray(f) ? (f as Filter[]) : [];
}

/** Keeps the items named by id lists; an unknown id is AWS's `<Thing>.NotFound` error. */
function selectByIds(call: Call, items: Item[], spec: ListSpec): Item[] {
  let out = items;
  for (const [inputMember, itemMember, notFound] of spec.ids) {
    const wanted = strings(call.input, inputMember);
    if (wanted.length === 0) continue;
    const missing = wanted.filter((id) => !items.some((i) => i[itemMember] === id));
    if (missing.length > 0) {
      throw apiError(notFound, `The ${itemMember} '${missing.join("', '")}' does not exist`);
    }
    out = out.filter((i) => wanted.includes(String(i[itemMember])));
  }
  return out;
}

function pageOf(call: Call, items: Item[], list: string, extra: Output = {}): Output {
  const { page, next } = paginate(items, {
    token: call.input.NextToken,
    limit: call.input.MaxResults,
    defaultLimit: Number.POSITIVE_INFINITY,
    maxLimit: 1000,
  });
  return { [list]: page, ...extra, ...(next ? { NextToken: next } : {}) };
}

function describeList(operation: string): Handler {
  const spec = LISTS[operation] as ListSpec;
  return (call) => {
    let items = readList(call, spec.command, spec.list);
    if (operation === "DescribeSnapshots") {
      const owners = strings(call.input, "OwnerIds");
      if (owners.length > 0 && !owners.some((o) => o === "self" || o === call.model.accountId)) items = [];
    }
    items = selectByIds(call, items, spec);
    items = items.filter((i) => matchesFilters(i, filtersOf(call, spec.filterMember)));
    return pageOf(call, items, spec.list);
  };
}

const describeInstances: Handler = (call) => {
  const reservations = readList(call, "describe-instances", "Reservations");
  const ids = strings(call.input, "InstanceIds");
  const all = reservations.flatMap((r) => (r.Instances as Item[] | undefined) ?? []);
  const missing = ids.filter((id) => !all.some((i) => i.InstanceId === id));
  if (missing.length > 0)
    throw apiError("InvalidInstanceID.NotFound", `The instance IDs '${missing.join(", ")}' do not exist`);
  const filters = filtersOf(call);
  const kept = reservations
    .map((r) => ({
      ...r,
      Instances: ((r.Instances as Item[] | undefined) ?? []).filter(
        (i) => (ids.length === 0 || ids.includes(String(i.InstanceId))) && matchesFilters(i, filters),
      ),
    }))
    .filter((r) => r.Instances.length > 0);
  return pageOf(call, kept, "Reservations");
};

const describeRegions: Handler = (call) => {
  const names = strings(call.input, "RegionNames");
  const unknown = names.filter((n) => !call.model.regions.includes(n));
  if (unknown.length > 0)
    throw apiError("InvalidParameterValue", `Invalid region names: ${unknown.join(", ")}`);
  const regions = call.model.regions
    .filter((r) => names.length === 0 || names.includes(r))
    .map((r) => ({ RegionName: r, Endpoint: `ec2.${r}.amazonaws.com`, OptInStatus: "opt-in-not-required" }))
    .filter((r) => matchesFilters(r, filtersOf(call)));
  return { Regions: regions };
};

const describeSnapshotAttribute: Handler = (call) => {
  const snapshotId = required(call.input, "SnapshotId", call.operation);
  const attribute = required(call.input, "Attribute", call.operation);
  if (attribute !== "createVolumePermission" && attribute !== "productCodes") {
    throw apiError("InvalidParameterValue", `Value (${attribute}) for parameter attribute is invalid.`);
  }
  const snapshots = readList(call, "describe-snapshots", "Snapshots");
  if (!snapshots.some((s) => s.SnapshotId === snapshotId)) {
    throw apiError("InvalidSnapshot.NotFound", `The snapshot '${snapshotId}' does not exist.`);
  }
  const out = read(call, "describe-snapshot-attribute", {
    resource: snapshotId,
    whenMissing: { output: { SnapshotId: snapshotId, CreateVolumePermissions: [] } },
  });
  return attribute === "productCodes"
    ? { SnapshotId: snapshotId, ProductCodes: out.ProductCodes ?? [] }
    : { SnapshotId: snapshotId, CreateVolumePermissions: out.CreateVolumePermissions ?? [] };
};

// --- writes (teardown): they change the model ---------------------------------------------------

function dryRun(call: Call): void {
  if (call.input.DryRun === true) {
    throw new AwsApiError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
  }
}

function replaceList(call: Call, command: string, member: string, items: Item[]): void {
  const file = read(call, command);
  setFile(call, command, { ...file, [member]: items });
}

const deleteVolume: Handler = (call) => {
  const id = required(call.input, "VolumeId", call.operation);
  const volumes = readList(call, "describe-volumes", "Volumes");
  const volume = volumes.find((v) => v.VolumeId === id);
  if (!volume) throw apiError("InvalidVolume.NotFound", `The volume '${id}' does not exist.`);
  if (volume.State === "in-use") throw apiError("VolumeInUse", `Volume ${id} is currently attached.`);
  dryRun(call);
  replaceList(
    call,
    "describe-volumes",
    "Volumes",
    volumes.filter((v) => v !== volume),
  );
  return {};
};

const deleteSnapshot: Handler = (call) => {
  const id = required(call.input, "SnapshotId", call.operation);
  const snapshots = readList(call, "describe-snapshots", "Snapshots");
  if (!snapshots.some((s) => s.SnapshotId === id)) {
    throw apiError("InvalidSnapshot.NotFound", `The snapshot '${id}' does not exist.`);
  }
  dryRun(call);
  replaceList(
    call,
    "describe-snapshots",
    "Snapshots",
    snapshots.filter((s) => s.SnapshotId !== id),
  );
  deleteFile(call, "describe-snapshot-attribute", { resource: id });
  return {};
};

const terminateInstances: Handler = (call) => {
  const ids = strings(call.input, "InstanceIds");
  const file = read(call, "describe-instances");
  const reservations = structuredClone((file.Reservations as Item[] | undefined) ?? []);
  const instances = reservations.flatMap((r) => (r.Instances as Item[] | undefined) ?? []);
  const missing = ids.filter((id) => !instances.some((i) => i.InstanceId === id));
  if (ids.length === 0 || missing.length > 0) {
    throw apiError("InvalidInstanceID.NotFound", `The instance IDs '${missing.join(", ")}' do not exist`);
  }
  dryRun(call);
  const terminated = { Code: 48, Name: "terminated" };
  const changes = instances
    .filter((i) => ids.includes(String(i.InstanceId)))
    .map((i) => {
      const previous = i.State;
      i.State = terminated;
      return {
        InstanceId: i.InstanceId,
        CurrentState: { Code: 32, Name: "shutting-down" },
        PreviousState: previous,
      };
    });
  setFile(call, "describe-instances", { ...file, Reservations: reservations });
  // Volumes go with the instance when DeleteOnTermination is set, and are detached otherwise.
  if (call.model.files.has(`${call.region}/ec2/describe-volumes`)) {
    const volumes = readList(call, "describe-volumes", "Volumes").flatMap((v) => {
      const attachments = (v.Attachments as Item[] | undefined) ?? [];
      const mine = attachments.filter((a) => ids.includes(String(a.InstanceId)));
      if (mine.length === 0) return [v];
      if (mine.some((a) => a.DeleteOnTermination === true)) return [];
      return [{ ...v, State: "available", Attachments: attachments.filter((a) => !mine.includes(a)) }];
    });
    replaceList(call, "describe-volumes", "Volumes", volumes);
  }
  return { TerminatingInstances: changes };
};

const deleteLaunchTemplate: Handler = (call) => {
  const id = call.input.LaunchTemplateId;
  const name = call.input.LaunchTemplateName;
  const templates = readList(call, "describe-launch-templates", "LaunchTemplates");
  const template = templates.find(
    (t) =>
      (id !== undefined && t.LaunchTemplateId === id) ||
      (name !== undefined && t.LaunchTemplateName === name),
  );
  if (!template) {
    throw id !== undefined
      ? apiError(
          "InvalidLaunchTemplateId.NotFound",
          `The specified launch template, with template ID ${String(id)}, does not exist.`,
        )
      : apiError(
          "InvalidLaunchTemplateName.NotFoundException",
          `The specified launch template, with template name ${String(name)}, does not exist.`,
        );
  }
  dryRun(call);
  replaceList(
    call,
    "describe-launch-templates",
    "LaunchTemplates",
    templates.filter((t) => t !== template),
  );
  return { LaunchTemplate: template };
};

export const EC2_HANDLERS: Record<string, Handler> = {
  DescribeRegions: describeRegions,
  DescribeInstances: describeInstances,
  DescribeSecurityGroups: describeList("DescribeSecurityGroups"),
  DescribeVolumes: describeList("DescribeVolumes"),
  DescribeSnapshots: describeList("DescribeSnapshots"),
  DescribeVpcs: describeList("DescribeVpcs"),
  DescribeFlowLogs: describeList("DescribeFlowLogs"),
  DescribeVpcEndpoints: describeList("DescribeVpcEndpoints"),
  DescribeNetworkAcls: describeList("DescribeNetworkAcls"),
  DescribeSubnets: describeList("DescribeSubnets"),
  DescribeRouteTables: describeList("DescribeRouteTables"),
  DescribeVpnConnections: describeList("DescribeVpnConnections"),
  DescribeTransitGateways: describeList("DescribeTransitGateways"),
  DescribeClientVpnEndpoints: describeList("DescribeClientVpnEndpoints"),
  DescribeNetworkInterfaces: describeList("DescribeNetworkInterfaces"),
  DescribeSpotFleetRequests: describeList("DescribeSpotFleetRequests"),
  DescribeLaunchTemplates: describeList("DescribeLaunchTemplates"),
  DescribeSnapshotAttribute: describeSnapshotAttribute,
  GetEbsEncryptionByDefault: (call) => read(call, "get-ebs-encryption-by-default"),
  DescribeVpcBlockPublicAccessOptions: (call) => read(call, "describe-vpc-block-public-access-options"),
  DeleteVolume: deleteVolume,
  DeleteSnapshot: deleteSnapshot,
  TerminateInstances: terminateInstances,
  DeleteLaunchTemplate: deleteLaunchTemplate,
};

export const EC2_WRITES = new Set([
  "DeleteVolume",
  "DeleteSnapshot",
  "TerminateInstances",
  "DeleteLaunchTemplate",
]);
