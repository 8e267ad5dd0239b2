/**
 * What an EBS scan does in the customer's account, as a port: listing instances and their volumes,
 * snapshot and volume copies, attachments, and the scanner group. `ec2EbsApi` is the real one (EC2 and
 * Auto Scaling through the agent's budgeted clients); tests use it against moto, or a fake.
 */
import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  UpdateAutoScalingGroupCommand,
} from "@aws-sdk/client-auto-scaling";
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DetachVolumeCommand,
  EC2Client,
  type Filter,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  type Snapshot,
  type Tag,
  type Volume,
} from "@aws-sdk/client-ec2";
import { registerClients } from "../aws/clients.ts";
import { CREATED_BY_TAG, INTEGRATION_TAG } from "../lifecycle/tags.ts";

// The agent's account clients send these commands only once this module is loaded (with the first ebs shard).
registerClients({ ec2: EC2Client, autoscaling: AutoScalingClient });

/** Tags every copy an EBS scan makes carries besides the two Vigil tags: which scan, of what. */
export const SCAN_TAG = "Vigil Scan";
export const SOURCE_VOLUME_TAG = "Vigil Source Volume";
export const SOURCE_INSTANCE_TAG = "Vigil Source Instance";
export const SNAPSHOT_TAG = "Vigil Snapshot";
/** On an instance: `disabled` (or off/false/no) keeps its disks out of EBS scanning. */
export const OPT_OUT_TAG = "Vigil EBS Scanning";

/** Producer URI of the scanner's events: the agent records only these as scanner results. */
export function scannerSource(accountId: string): string {
  return `urn:vigil:ebs-scanner:${accountId}`;
}

/** A copy this integration's EBS scan made: both Vigil tags and the scan's own. */
export function isScanCopy(tags: Readonly<Record<string, string>>, integrationId: string): boolean {
  return (
    tags[CREATED_BY_TAG.key] === CREATED_BY_TAG.value &&
    tags[INTEGRATION_TAG.key] === integrationId &&
    [SCAN_TAG, SNAPSHOT_TAG, SOURCE_VOLUME_TAG, SOURCE_INSTANCE_TAG].every((k) => (tags[k] ?? "") !== "")
  );
}

export function isOptedOut(tags: Readonly<Record<string, string>>): boolean {
  const value = tags[OPT_OUT_TAG];
  return value !== undefined && /^(disabled|off|false|no|0)$/i.test(value.trim());
}

/**
 * Every AWS call `ec2EbsApi` makes (`service:Operation`, IAM's names): the permission set must allow
 * each (a cli test holds it), and the moto test checks the calls made are among them.
 * `ec2:CreateTags` is authorised with the create calls that carry `TagSpecifications`.
 */
export const EBS_CALLS = [
  "ec2:DescribeInstances",
  "ec2:DescribeVolumes",
  "ec2:DescribeSnapshots",
  "ec2:CreateSnapshot",
  "ec2:CreateVolume",
  "ec2:CreateTags",
  "ec2:AttachVolume",
  "ec2:DetachVolume",
  "ec2:DeleteVolume",
  "ec2:DeleteSnapshot",
  "autoscaling:DescribeAutoScalingGroups",
  "autoscaling:UpdateAutoScalingGroup",
] as const;

export interface SourceInstance {
  readonly instanceId: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly rootDeviceName: string | undefined;
  /** EBS volumes attached, by device. */
  readonly volumes: readonly { readonly volumeId: string; readonly device: string }[];
}

export interface VolumeInfo {
  readonly volumeId: string;
  readonly sizeGiB: number;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | undefined;
  /** `creating`, `available`, `in-use`, `deleting`, `deleted`, `error`. */
  readonly state: string;
  readonly availabilityZone: string;
  readonly attachments: readonly {
    readonly instanceId: string;
    readonly device: string;
    readonly state: string;
  }[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface SnapshotInfo {
  readonly snapshotId: string;
  /** `pending`, `completed`, `error`, … */
  readonly state: string;
  readonly stateMessage: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ScannerGroupInfo {
  readonly name: string;
  readonly desiredCapacity: number;
  readonly maxSize: number;
  readonly instances: readonly {
    readonly instanceId: string;
    readonly availabilityZone: string;
    /** Auto Scaling's: `Pending`, `InService`, `Terminating`, … */
    readonly lifecycleState: string;
  }[];
}

export interface EbsApi {
  /** Running instances of the region with their EBS volumes (Vigil's scanners left out by the caller). */
  runningInstances(region: string): Promise<SourceInstance[]>;
  /** The volumes among `ids` that exist. */
  volumes(region: string, ids: readonly string[]): Promise<VolumeInfo[]>;
  /** The snapshots among `ids` that exist. */
  snapshots(region: string, ids: readonly string[]): Promise<SnapshotInfo[]>;
  /** Every volume and snapshot of this integration that carries a `Vigil Scan` tag: the scans' copies. */
  copies(
    region: string,
    integrationId: string,
  ): Promise<{ volumes: VolumeInfo[]; snapshots: SnapshotInfo[] }>;
  createSnapshot(region: string, volumeId: string, tags: Readonly<Record<string, string>>): Promise<string>;
  createVolume(
    region: string,
    request: {
      snapshotId: string;
      availabilityZone: string;
      tags: Readonly<Record<string, string>>;
      clientToken: string;
    },
  ): Promise<string>;
  attachVolume(
    region: string,
    request: { volumeId: string; instanceId: string; device: string },
  ): Promise<void>;
  detachVolume(
    region: string,
    request: { volumeId: string; instanceId: string; device: string },
  ): Promise<void>;
  /** `gone` when it no longer existed. */
  deleteVolume(region: string, volumeId: string): Promise<"deleted" | "gone">;
  deleteSnapshot(region: string, snapshotId: string): Promise<"deleted" | "gone">;
  scannerGroup(region: string, name: string): Promise<ScannerGroupInfo | undefined>;
  setDesiredCapacity(region: string, name: string, desired: number): Promise<void>;
}

function tagsOf(tags: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}

function tagList(tags: Readonly<Record<string, string>>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function volumeInfo(v: Volume): VolumeInfo {
  return {
    volumeId: v.VolumeId as string,
    sizeGiB: v.Size ?? 1,
    encrypted: v.Encrypted === true,
    kmsKeyId: v.KmsKeyId ?? undefined,
    state: v.State ?? "unknown",
    availabilityZone: v.AvailabilityZone ?? "",
    attachments: (v.Attachments ?? [])
      .filter((a) => a.InstanceId)
      .map((a) => ({
        instanceId: a.InstanceId as string,
        device: a.Device ?? "",
        state: a.State ?? "unknown",
      })),
    tags: tagsOf(v.Tags),
  };
}

function snapshotInfo(s: Snapshot): SnapshotInfo {
  return {
    snapshotId: s.SnapshotId as string,
    state: s.State ?? "unknown",
    stateMessage: s.StateMessage ?? undefined,
    tags: tagsOf(s.Tags),
  };
}

const GONE = new Set(["InvalidVolume.NotFound", "InvalidSnapshot.NotFound"]);

function nameOf(error: unknown): string {
  return (error as { name?: string; Code?: string }).name ?? (error as { Code?: string }).Code ?? "";
}

/** The real port, over EC2 and Auto Scaling clients of each region (the agent's budgeted ones). */
export function ec2EbsApi(
  clientsFor: (region: string) => { ec2: EC2Client; autoscaling: AutoScalingClient },
): EbsApi {
  const copyFilters = (integrationId: string): Filter[] => [
    { Name: `tag:${CREATED_BY_TAG.key}`, Values: [CREATED_BY_TAG.value] },
    { Name: `tag:${INTEGRATION_TAG.key}`, Values: [integrationId] },
    { Name: "tag-key", Values: [SCAN_TAG] },
  ];
  return {
    async runningInstances(region) {
      const { ec2 } = clientsFor(region);
      const out: SourceInstance[] = [];
      const Filters = [{ Name: "instance-state-name", Values: ["running"] }];
      for await (const page of paginateDescribeInstances({ client: ec2 }, { Filters }))
        for (const r of page.Reservations ?? [])
          for (const i of r.Instances ?? []) {
            if (!i.InstanceId) continue;
            out.push({
              instanceId: i.InstanceId,
              tags: tagsOf(i.Tags),
              rootDeviceName: i.RootDeviceName ?? undefined,
              volumes: (i.BlockDeviceMappings ?? [])
                .filter((m) => m.Ebs?.VolumeId && m.DeviceName)
                .map((m) => ({ volumeId: m.Ebs?.VolumeId as string, device: m.DeviceName as string })),
            });
          }
      return out;
    },

    async volumes(region, ids) {
      if (ids.length === 0) return [];
      const { ec2 } = clientsFor(region);
      const out: VolumeInfo[] = [];
      // By filter, not VolumeIds: one id that is gone must not fail the others.
      for (let i = 0; i < ids.length; i += 200) {
        const Filters = [{ Name: "volume-id", Values: ids.slice(i, i + 200) }];
        for await (const page of paginateDescribeVolumes({ client: ec2 }, { Filters }))
          for (const v of page.Volumes ?? []) if (v.VolumeId) out.push(volumeInfo(v));
      }
      return out;
    },

    async snapshots(region, ids) {
      if (ids.length === 0) return [];
      const { ec2 } = clientsFor(region);
      const out: SnapshotInfo[] = [];
      for (let i = 0; i < ids.length; i += 200) {
        const Filters = [{ Name: "snapshot-id", Values: ids.slice(i, i + 200) }];
        for await (const page of paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ["self"], Filters }))
          for (const s of page.Snapshots ?? []) if (s.SnapshotId) out.push(snapshotInfo(s));
      }
      return out;
    },

    async copies(region, integrationId) {
      const { ec2 } = clientsFor(region);
      const Filters = copyFilters(integrationId);
      const volumes: VolumeInfo[] = [];
      const snapshots: SnapshotInfo[] = [];
      for await (const page of paginateDescribeVolumes({ client: ec2 }, { Filters }))
        for (const v of page.Volumes ?? []) if (v.VolumeId) volumes.push(volumeInfo(v));
      for await (const page of paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ["self"], Filters }))
        for (const s of page.Snapshots ?? []) if (s.SnapshotId) snapshots.push(snapshotInfo(s));
      // The filters are ANDed on AWS; keep only what carries all three tags even where they are not.
      const ours = (tags: Readonly<Record<string, string>>) =>
        tags[CREATED_BY_TAG.key] === CREATED_BY_TAG.value &&
        tags[INTEGRATION_TAG.key] === integrationId &&
        SCAN_TAG in tags;
      return {
        volumes: volumes.filter((v) => ours(v.tags)),
        snapshots: snapshots.filter((s) => ours(s.tags)),
      };
    },

    async createSnapshot(region, volumeId, tags) {
      const out = await clientsFor(region).ec2.send(
        new CreateSnapshotCommand({
          VolumeId: volumeId,
          Description: `Vigil EBS scan copy of ${volumeId}`,
          TagSpecifications: [{ ResourceType: "snapshot", Tags: tagList(tags) }],
        }),
      );
      if (!out.SnapshotId) throw new Error(`CreateSnapshot of ${volumeId} returned no snapshot id`);
      return out.SnapshotId;
    },

    async createVolume(region, request) {
      const out = await clientsFor(region).ec2.send(
        new CreateVolumeCommand({
          SnapshotId: request.snapshotId,
          AvailabilityZone: request.availabilityZone,
          VolumeType: "gp3",
          ClientToken: request.clientToken,
          TagSpecifications: [{ ResourceType: "volume", Tags: tagList(request.tags) }],
        }),
      );
      if (!out.VolumeId) throw new Error(`CreateVolume from ${request.snapshotId} returned no volume id`);
      return out.VolumeId;
    },

    async attachVolume(region, request) {
      await clientsFor(region).ec2.send(
        new AttachVolumeCommand({
          VolumeId: request.volumeId,
          InstanceId: request.instanceId,
          Device: request.device,
        }),
      );
    },

    async detachVolume(region, request) {
      await clientsFor(region).ec2.send(
        new DetachVolumeCommand({
          VolumeId: request.volumeId,
          InstanceId: request.instanceId,
          Device: request.device,
        }),
      );
    },

    async deleteVolume(region, volumeId) {
      try {
        await clientsFor(region).ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }));
        return "deleted";
      } catch (error) {
        if (GONE.has(nameOf(error))) return "gone";
        throw error;
      }
    },

    async deleteSnapshot(region, snapshotId) {
      try {
        await clientsFor(region).ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
        return "deleted";
      } catch (error) {
        if (GONE.has(nameOf(error))) return "gone";
        throw error;
      }
    },

    async scannerGroup(region, name) {
      const out = await clientsFor(region).autoscaling.send(
        new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }),
      );
      const g = out.AutoScalingGroups?.find((x) => x.AutoScalingGroupName === name);
      if (!g) return undefined;
      return {
        name,
        desiredCapacity: g.DesiredCapacity ?? 0,
        maxSize: g.MaxSize ?? 0,
        instances: (g.Instances ?? [])
          .filter((i) => i.InstanceId)
          .map((i) => ({
            instanceId: i.InstanceId as string,
            availabilityZone: i.AvailabilityZone ?? "",
            lifecycleState: i.LifecycleState ?? "unknown",
          })),
      };
    },

    async setDesiredCapacity(region, name, desired) {
      await clientsFor(region).autoscaling.send(
        new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: name, DesiredCapacity: desired }),
      );
    },
  };
}
