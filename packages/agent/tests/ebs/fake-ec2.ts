/**
 * An account's EC2 and Auto Scaling, in memory, for the orchestration's unit and property tests:
 * state moves on `tick()` (snapshots complete, volumes become available, attachments settle, scanner
 * instances come into service), AWS's refusals are kept (a volume in use cannot be attached again or
 * deleted; an unusable KMS key refuses the copy), and every change is audited so a test can prove
 * nothing that is not Vigil's was touched.
 */
import type {
  EbsApi,
  ScannerGroupInfo,
  SnapshotInfo,
  SourceInstance,
  VolumeInfo,
} from "../../src/ebs/index.ts";

interface Volume {
  volumeId: string;
  sizeGiB: number;
  encrypted: boolean;
  kmsKeyId: string | undefined;
  state: string;
  availabilityZone: string;
  attachments: { instanceId: string; device: string; state: string }[];
  tags: Record<string, string>;
}
interface Snapshot {
  snapshotId: string;
  volumeId: string;
  state: string;
  encrypted: boolean;
  kmsKeyId: string | undefined;
  tags: Record<string, string>;
}
interface Instance {
  instanceId: string;
  tags: Record<string, string>;
  rootDeviceName: string;
  availabilityZone: string;
  state: string;
}

export class AwsRefusal extends Error {
  readonly $fault = "client";
  readonly $metadata = { httpStatusCode: 400 };
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
  }
}

export class FakeEc2 implements EbsApi {
  readonly vols = new Map<string, Volume>();
  readonly snaps = new Map<string, Snapshot>();
  readonly instances = new Map<string, Instance>();
  readonly groups = new Map<
    string,
    { name: string; region: string; desired: number; max: number; zones: string[] }
  >();
  readonly scanners = new Map<string, { group: string; lifecycleState: string }>();
  /** Every change: `op id`. */
  readonly audit: string[] = [];
  readonly calls = new Map<string, number>();
  /** KMS keys the agent's role may not use through EC2. */
  readonly unusableKeys = new Set<string>();
  /** The most copies (volumes + snapshots) of `integrationId`'s scans that existed at once. */
  maxCopies = 0;
  #seq = 0x1000;

  constructor(
    readonly region = "eu-west-1",
    /** Whose copies `maxCopies` counts. */
    readonly integrationId = "int-1",
  ) {}

  #id(prefix: string): string {
    this.#seq++;
    return `${prefix}-${this.#seq.toString(16).padStart(17, "0")}`;
  }

  #count(op: string): void {
    this.calls.set(op, (this.calls.get(op) ?? 0) + 1);
  }

  #copies(): number {
    const vigil = (t: Record<string, string>) =>
      "Vigil Scan" in t && t["Vigil Integration"] === this.integrationId;
    return (
      [...this.vols.values()].filter((v) => vigil(v.tags) && v.state !== "deleting").length +
      [...this.snaps.values()].filter((s) => vigil(s.tags)).length
    );
  }

  #noteCopies(): void {
    this.maxCopies = Math.max(this.maxCopies, this.#copies());
  }

  /** A customer instance with volumes (`[device, sizeGiB, kmsKeyId?]`, the first is the root). */
  addInstance(options: {
    tags?: Record<string, string>;
    az?: string;
    volumes: [device: string, sizeGiB: number, kmsKeyId?: string][];
    state?: string;
  }): { instanceId: string; volumeIds: string[] } {
    const instanceId = this.#id("i");
    const az = options.az ?? `${this.region}a`;
    const volumeIds: string[] = [];
    for (const [device, sizeGiB, kmsKeyId] of options.volumes) {
      const volumeId = this.#id("vol");
      volumeIds.push(volumeId);
      this.vols.set(volumeId, {
        volumeId,
        sizeGiB,
        encrypted: kmsKeyId !== undefined,
        kmsKeyId,
        state: "in-use",
        availabilityZone: az,
        attachments: [{ instanceId, device, state: "attached" }],
        tags: {},
      });
    }
    this.instances.set(instanceId, {
      instanceId,
      tags: options.tags ?? {},
      rootDeviceName: options.volumes[0]?.[0] ?? "/dev/xvda",
      availabilityZone: az,
      state: options.state ?? "running",
    });
    return { instanceId, volumeIds };
  }

  addVolume(v: Partial<Volume> & { tags: Record<string, string> }): string {
    const volumeId = v.volumeId ?? this.#id("vol");
    this.vols.set(volumeId, {
      volumeId,
      sizeGiB: 8,
      encrypted: false,
      kmsKeyId: undefined,
      state: "available",
      availabilityZone: `${this.region}a`,
      attachments: [],
      ...v,
    });
    return volumeId;
  }

  addSnapshot(s: Partial<Snapshot> & { tags: Record<string, string> }): string {
    const snapshotId = s.snapshotId ?? this.#id("snap");
    this.snaps.set(snapshotId, {
      snapshotId,
      volumeId: "vol-ffffffffffffffff0",
      state: "completed",
      encrypted: false,
      kmsKeyId: undefined,
      ...s,
    });
    return snapshotId;
  }

  addGroup(name: string, zones = [`${this.region}b`], max = 2): void {
    this.groups.set(name, { name, region: this.region, desired: 0, max, zones });
  }

  /** Moves every pending thing one step on. */
  tick(): void {
    for (const s of this.snaps.values()) if (s.state === "pending") s.state = "completed";
    for (const v of this.vols.values()) {
      if (v.state === "creating") v.state = "available";
      for (const a of v.attachments) if (a.state === "attaching") a.state = "attached";
      if (v.attachments.some((a) => a.state === "detaching")) {
        v.attachments = v.attachments.filter((a) => a.state !== "detaching");
        if (v.attachments.length === 0) v.state = "available";
      }
      if (v.state === "deleting") this.vols.delete(v.volumeId);
    }
    for (const [id, s] of this.scanners)
      if (s.lifecycleState === "Pending") this.scanners.set(id, { ...s, lifecycleState: "InService" });
    for (const g of this.groups.values()) {
      const members = [...this.scanners].filter(([, s]) => s.group === g.name);
      for (let i = members.length; i < g.desired; i++) {
        const instanceId = this.#id("i");
        this.instances.set(instanceId, {
          instanceId,
          tags: { "Created By": "Vigil", "aws:autoscaling:groupName": g.name },
          rootDeviceName: "/dev/xvda",
          availabilityZone: g.zones[i % g.zones.length] as string,
          state: "running",
        });
        this.scanners.set(instanceId, { group: g.name, lifecycleState: "Pending" });
        this.audit.push(`launch ${instanceId}`);
      }
      for (const [id] of members.slice(g.desired)) this.#terminate(id);
    }
  }

  #terminate(instanceId: string): void {
    this.scanners.delete(instanceId);
    const instance = this.instances.get(instanceId);
    if (instance) instance.state = "terminated";
    // Volumes attached after launch are not deleted on termination: they become available.
    for (const v of this.vols.values())
      if (v.attachments.some((a) => a.instanceId === instanceId)) {
        v.attachments = v.attachments.filter((a) => a.instanceId !== instanceId);
        if (v.attachments.length === 0) v.state = "available";
      }
    this.audit.push(`terminate ${instanceId}`);
  }

  /** Kills a scanner instance (the group launches another at the next tick). */
  killScanner(instanceId: string): void {
    this.#terminate(instanceId);
  }

  // --- EbsApi -------------------------------------------------------------------------------

  async runningInstances(region: string): Promise<SourceInstance[]> {
    this.#count("DescribeInstances");
    if (region !== this.region) return [];
    return [...this.instances.values()]
      .filter((i) => i.state === "running")
      .map((i) => ({
        instanceId: i.instanceId,
        tags: { ...i.tags },
        rootDeviceName: i.rootDeviceName,
        volumes: [...this.vols.values()].flatMap((v) =>
          v.attachments
            .filter((a) => a.instanceId === i.instanceId)
            .map((a) => ({ volumeId: v.volumeId, device: a.device })),
        ),
      }));
  }

  #volumeInfo(v: Volume): VolumeInfo {
    return { ...v, attachments: v.attachments.map((a) => ({ ...a })), tags: { ...v.tags } };
  }

  #snapshotInfo(s: Snapshot): SnapshotInfo {
    return { snapshotId: s.snapshotId, state: s.state, stateMessage: undefined, tags: { ...s.tags } };
  }

  async volumes(region: string, ids: readonly string[]): Promise<VolumeInfo[]> {
    this.#count("DescribeVolumes");
    if (region !== this.region) return [];
    return ids.flatMap((id) => {
      const v = this.vols.get(id);
      return v ? [this.#volumeInfo(v)] : [];
    });
  }

  async snapshots(region: string, ids: readonly string[]): Promise<SnapshotInfo[]> {
    this.#count("DescribeSnapshots");
    if (region !== this.region) return [];
    return ids.flatMap((id) => {
      const s = this.snaps.get(id);
      return s ? [this.#snapshotInfo(s)] : [];
    });
  }

  async copies(region: string, integrationId: string) {
    this.#count("DescribeVolumes");
    this.#count("DescribeSnapshots");
    const ours = (t: Record<string, string>) =>
      t["Created By"] === "Vigil" && t["Vigil Integration"] === integrationId && "Vigil Scan" in t;
    if (region !== this.region) return { volumes: [], snapshots: [] };
    return {
      volumes: [...this.vols.values()].filter((v) => ours(v.tags)).map((v) => this.#volumeInfo(v)),
      snapshots: [...this.snaps.values()].filter((s) => ours(s.tags)).map((s) => this.#snapshotInfo(s)),
    };
  }

  async createSnapshot(
    _region: string,
    volumeId: string,
    tags: Readonly<Record<string, string>>,
  ): Promise<string> {
    this.#count("CreateSnapshot");
    const source = this.vols.get(volumeId);
    if (!source) throw new AwsRefusal("InvalidVolume.NotFound", `The volume '${volumeId}' does not exist.`);
    const snapshotId = this.#id("snap");
    this.snaps.set(snapshotId, {
      snapshotId,
      volumeId,
      state: "pending",
      encrypted: source.encrypted,
      kmsKeyId: source.kmsKeyId,
      tags: { ...tags },
    });
    this.audit.push(`create-snapshot ${snapshotId} of ${volumeId}`);
    this.#noteCopies();
    return snapshotId;
  }

  async createVolume(
    _region: string,
    request: {
      snapshotId: string;
      availabilityZone: string;
      tags: Readonly<Record<string, string>>;
      clientToken: string;
    },
  ): Promise<string> {
    this.#count("CreateVolume");
    const snapshot = this.snaps.get(request.snapshotId);
    if (!snapshot)
      throw new AwsRefusal(
        "InvalidSnapshot.NotFound",
        `The snapshot '${request.snapshotId}' does not exist.`,
      );
    if (snapshot.kmsKeyId && this.unusableKeys.has(snapshot.kmsKeyId))
      throw new AwsRefusal(
        "InvalidKMSKey.InvalidState",
        `The KMS key ${snapshot.kmsKeyId} cannot be used by the caller`,
      );
    const volumeId = this.#id("vol");
    this.vols.set(volumeId, {
      volumeId,
      sizeGiB: 8,
      encrypted: snapshot.encrypted,
      kmsKeyId: snapshot.kmsKeyId,
      state: "creating",
      availabilityZone: request.availabilityZone,
      attachments: [],
      tags: { ...request.tags },
    });
    this.audit.push(`create-volume ${volumeId} from ${request.snapshotId}`);
    this.#noteCopies();
    return volumeId;
  }

  async attachVolume(
    _region: string,
    request: { volumeId: string; instanceId: string; device: string },
  ): Promise<void> {
    this.#count("AttachVolume");
    const v = this.vols.get(request.volumeId);
    if (!v)
      throw new AwsRefusal("InvalidVolume.NotFound", `The volume '${request.volumeId}' does not exist.`);
    if (v.state !== "available")
      throw new AwsRefusal("VolumeInUse", `${request.volumeId} is already attached to an instance`);
    const instance = this.instances.get(request.instanceId);
    if (instance?.state !== "running")
      throw new AwsRefusal("IncorrectState", `${request.instanceId} is not running`);
    if (instance.availabilityZone !== v.availabilityZone)
      throw new AwsRefusal(
        "InvalidVolume.ZoneMismatch",
        "The volume is not in the same availability zone as instance",
      );
    v.state = "in-use";
    v.attachments.push({ instanceId: request.instanceId, device: request.device, state: "attaching" });
    this.audit.push(`attach ${request.volumeId} to ${request.instanceId}`);
  }

  async detachVolume(
    _region: string,
    request: { volumeId: string; instanceId: string; device: string },
  ): Promise<void> {
    this.#count("DetachVolume");
    const v = this.vols.get(request.volumeId);
    if (!v)
      throw new AwsRefusal("InvalidVolume.NotFound", `The volume '${request.volumeId}' does not exist.`);
    const a = v.attachments.find((x) => x.instanceId === request.instanceId);
    if (!a) throw new AwsRefusal("InvalidAttachment.NotFound", "not attached");
    a.state = "detaching";
    this.audit.push(`detach ${request.volumeId}`);
  }

  async deleteVolume(_region: string, volumeId: string): Promise<"deleted" | "gone"> {
    this.#count("DeleteVolume");
    const v = this.vols.get(volumeId);
    if (!v || v.state === "deleting") return "gone";
    if (v.attachments.length > 0)
      throw new AwsRefusal("VolumeInUse", `Volume ${volumeId} is currently attached`);
    v.state = "deleting";
    this.audit.push(`delete-volume ${volumeId}`);
    return "deleted";
  }

  async deleteSnapshot(_region: string, snapshotId: string): Promise<"deleted" | "gone"> {
    this.#count("DeleteSnapshot");
    if (!this.snaps.delete(snapshotId)) return "gone";
    this.audit.push(`delete-snapshot ${snapshotId}`);
    return "deleted";
  }

  async scannerGroup(region: string, name: string): Promise<ScannerGroupInfo | undefined> {
    this.#count("DescribeAutoScalingGroups");
    const g = this.groups.get(name);
    if (!g || region !== g.region) return undefined;
    return {
      name,
      desiredCapacity: g.desired,
      maxSize: g.max,
      instances: [...this.scanners]
        .filter(([, s]) => s.group === name)
        .map(([instanceId, s]) => ({
          instanceId,
          availabilityZone: this.instances.get(instanceId)?.availabilityZone ?? "",
          lifecycleState: s.lifecycleState,
        })),
    };
  }

  async setDesiredCapacity(_region: string, name: string, desired: number): Promise<void> {
    this.#count("UpdateAutoScalingGroup");
    const g = this.groups.get(name);
    if (!g) throw new AwsRefusal("ValidationError", `AutoScalingGroup name not found - ${name}`);
    g.desired = desired;
    this.audit.push(`scale ${name} ${desired}`);
  }

  /** Vigil's copies still in the account. */
  vigilCopies(): string[] {
    return [
      ...[...this.vols.values()]
        .filter((v) => "Vigil Scan" in v.tags && v.state !== "deleting")
        .map((v) => v.volumeId),
      ...[...this.snaps.values()].filter((s) => "Vigil Scan" in s.tags).map((s) => s.snapshotId),
    ];
  }
}
