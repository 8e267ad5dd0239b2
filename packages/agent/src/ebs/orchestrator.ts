/**
 * One region's EBS scan, advanced a step at a time from its log. Each `advance` reads
 * `ebs#<scanId>#<region>`, checks the copies in flight, and does what comes next for each volume —
 * snapshot it, create a volume from the snapshot in the scanner's zone, attach it to the scanner,
 * detach it once the scanner reported, delete volume and snapshot — appending one event right after
 * each AWS call with the ids it returned. A crash between a call and its event leaves a copy the log
 * does not name; every copy carries its scan and source in tags, so the next `advance` adopts it (or
 * the final sweep deletes it). Copies an earlier scan left behind are deleted too. Concurrency is
 * bounded (`maxInFlight` volumes between snapshot and cleanup), and every call goes through the
 * budgeted `EbsApi` the caller built.
 */
import { createEvent, deterministicEventId, type EventEnvelope, type EventStore } from "@vigil/events";
import type { Clock } from "../budget/clock.ts";
import { RateLimitedError } from "../budget/errors.ts";
import { CREATED_BY_TAG, INTEGRATION_TAG } from "../lifecycle/tags.ts";
import { scanProgress } from "../scheduler/plan.ts";
import { JobPausedError } from "../scheduler/runner.ts";
import {
  type EbsApi,
  isOptedOut,
  SCAN_TAG,
  type ScannerGroupInfo,
  SNAPSHOT_TAG,
  type SnapshotInfo,
  SOURCE_INSTANCE_TAG,
  SOURCE_VOLUME_TAG,
  type VolumeInfo,
} from "./api.ts";
import {
  applyEbsEvent,
  type EbsScanState,
  ebsScanState,
  ebsStreamId,
  isFinished,
  type PlannedVolume,
  type VolumeTask,
} from "./state.ts";

export const DEFAULT_MAX_IN_FLIGHT = 8;
export const DEFAULT_SCAN_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_WAIT_MS = 20_000;
/** Volumes per `volumes-planned` event (~200 bytes each), and parts one transaction appends (99 on a stream). */
export const PLAN_PART_VOLUMES = 300;
export const MAX_PLAN_PARTS = 99;
/** Passes one `advance` makes while each moves something on. */
export const MAX_PASSES_PER_RUN = 4;
/** Devices the scanner's copies are attached at (11: well under the attachment limit of any type). */
export const SCAN_DEVICES = ["f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"].map((l) => `/dev/sd${l}`);

export interface EbsOrchestratorOptions {
  readonly store: EventStore;
  readonly api: EbsApi;
  readonly integrationId: string;
  readonly accountId: string;
  /** Producer URI of the events, `urn:vigil:agent:<account>`. */
  readonly source: string;
  readonly clock: Clock;
  /** The scanner group of a region, or undefined where there is none (the nested stack is in the home region). */
  readonly scannerGroupFor: (region: string) => string | undefined;
  readonly homeRegion: string;
  readonly partition?: string;
  readonly maxInFlight?: number;
  readonly scanTimeoutMs?: number;
  readonly waitMs?: number;
  /** Whether another scan is still running (its copies are its own): default, its `scan#<id>` stream says so. */
  readonly isScanRunning?: (scanId: string) => Promise<boolean>;
  /** Called right after each AWS call that changes something, before its event: tests crash here. */
  readonly afterMutation?: (step: string) => void;
}

export type AdvanceResult =
  | { readonly done: false; readonly retryAfterMs: number; readonly waitingFor: string }
  | { readonly done: true; readonly state: EbsScanState };

/** A call AWS refused for this request (a client fault that retrying will not fix). */
function refusal(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof RateLimitedError || error instanceof JobPausedError) return undefined;
  const e = error as {
    name?: string;
    message?: string;
    $fault?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const code = e.name ?? "Error";
  if (/Throttl|RequestLimitExceeded|TooManyRequests|RateExceeded/i.test(code)) return undefined;
  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === "client" || (status !== undefined && status >= 400 && status < 500))
    return { code, message: (e.message ?? String(error)).slice(0, 600) };
  return undefined;
}

const KMS_PROBLEM = /kms|KeyNotAccessible|InvalidKMSKey|key.*(disabled|pending|policy)/i;

export class EbsOrchestrator {
  readonly #o: EbsOrchestratorOptions;
  readonly #maxInFlight: number;
  readonly #timeout: number;
  readonly #wait: number;

  constructor(options: EbsOrchestratorOptions) {
    this.#o = options;
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.#timeout = options.scanTimeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS;
    this.#wait = options.waitMs ?? DEFAULT_WAIT_MS;
    if (!(this.#maxInFlight >= 1))
      throw new RangeError(`maxInFlight must be at least 1, got ${this.#maxInFlight}`);
  }

  /** Reads the region's EBS scan from the log and does every step that can be done now. */
  async advance(scanId: string, region: string): Promise<AdvanceResult> {
    const run = new Run(this.#o, scanId, region, this.#maxInFlight, this.#timeout);
    await run.load();
    if (!run.state.planned) await run.plan();
    // Another pass right away while the last one moved something on (AWS may already be done:
    // a small snapshot completes in seconds); at most a few, then the job waits on the queue.
    let pending: string | undefined;
    for (let pass = 1; ; pass++) {
      const before = run.recorded;
      pending = await run.step();
      if (!pending || run.recorded === before || pass >= MAX_PASSES_PER_RUN) break;
      run.forgetGroup();
    }
    if (pending) return { done: false, retryAfterMs: this.#wait, waitingFor: pending };
    const sweeping = await run.sweep("final");
    if (sweeping) return { done: false, retryAfterMs: this.#wait, waitingFor: sweeping };
    await run.scaleDownWhenIdle();
    return { done: true, state: run.state };
  }
}

/** One `advance`: the state read from the log, and the events it appends. */
class Run {
  state: EbsScanState = ebsScanState([]);
  /** Events this run appended. */
  recorded = 0;
  readonly #streamId: string;
  #group: ScannerGroupInfo | undefined;
  #groupRead = false;
  #copies: { volumes: VolumeInfo[]; snapshots: SnapshotInfo[] } | undefined;

  constructor(
    readonly o: EbsOrchestratorOptions,
    readonly scanId: string,
    readonly region: string,
    readonly maxInFlight: number,
    readonly timeoutMs: number,
  ) {
    this.#streamId = ebsStreamId(scanId, region);
  }

  async load(): Promise<void> {
    const read = await this.o.store.readStream(this.#streamId);
    this.state = ebsScanState(read.events);
  }

  /** Appends one event (id from the stream and what it is about: a retry writes the same id). */
  async record<T extends EventEnvelope["type"]>(
    type: T,
    data: Record<string, unknown>,
    discriminator: string,
  ) {
    await this.recordAll([{ type, data, discriminator }]);
  }

  /** Appends events together (one transaction), then applies them. */
  async recordAll(
    list: readonly { type: EventEnvelope["type"]; data: Record<string, unknown>; discriminator: string }[],
  ): Promise<void> {
    const now = this.o.clock.now();
    const events = list.map(
      ({ type, data, discriminator }) =>
        createEvent(type as never, data as never, {
          source: this.o.source,
          integrationId: this.o.integrationId,
          id: deterministicEventId(this.#streamId, 0, discriminator),
          time: new Date(now),
          subject: this.#streamId,
        }) as EventEnvelope,
    );
    await this.o.store.appendToStream(this.#streamId, events, { expectedVersion: "any" });
    for (const event of events) applyEbsEvent(this.state, event);
    this.recorded += events.length;
  }

  /** The scanner group is read again at the next need (its instances may have come into service). */
  forgetGroup(): void {
    this.#groupRead = false;
  }

  #mutated(step: string): void {
    this.o.afterMutation?.(step);
  }

  #arn(volumeId: string): string {
    return `arn:${this.o.partition ?? "aws"}:ec2:${this.region}:${this.o.accountId}:volume/${volumeId}`;
  }

  #copyTags(task: VolumeTask, extra: Record<string, string> = {}): Record<string, string> {
    return {
      [CREATED_BY_TAG.key]: CREATED_BY_TAG.value,
      [INTEGRATION_TAG.key]: this.o.integrationId,
      [SCAN_TAG]: this.scanId,
      [SOURCE_VOLUME_TAG]: task.planned.volumeId,
      [SOURCE_INSTANCE_TAG]: task.planned.instanceId,
      Name: `vigil-scan-${task.planned.volumeId}`,
      ...extra,
    };
  }

  async #groupInfo(): Promise<ScannerGroupInfo | undefined> {
    if (!this.#groupRead) {
      const name = this.state.scannerGroup ?? this.o.scannerGroupFor(this.region);
      this.#group = name ? await this.o.api.scannerGroup(this.region, name) : undefined;
      this.#groupRead = true;
    }
    return this.#group;
  }

  /** The copies of this integration in the region (read once per run, when something needs them). */
  async #allCopies(): Promise<{ volumes: VolumeInfo[]; snapshots: SnapshotInfo[] }> {
    this.#copies ??= await this.o.api.copies(this.region, this.o.integrationId);
    return this.#copies;
  }

  /** Deletes what earlier scans left, then fixes the volumes this scan copies. */
  async plan(): Promise<void> {
    await this.sweep("leftovers");
    const groupName = this.o.scannerGroupFor(this.region);
    const group = await this.#groupInfo();
    const scanners = new Set(group?.instances.map((i) => i.instanceId) ?? []);
    const instances = (await this.o.api.runningInstances(this.region)).filter(
      (i) =>
        !scanners.has(i.instanceId) &&
        !(
          i.tags[CREATED_BY_TAG.key] === CREATED_BY_TAG.value &&
          i.tags[INTEGRATION_TAG.key] === this.o.integrationId
        ),
    );
    const optedOut = instances.filter((i) => isOptedOut(i.tags)).map((i) => i.instanceId);
    const scanned = instances.filter((i) => !isOptedOut(i.tags));
    const info = new Map(
      (
        await this.o.api.volumes(
          this.region,
          scanned.flatMap((i) => i.volumes.map((v) => v.volumeId)),
        )
      ).map((v) => [v.volumeId, v]),
    );
    const volumes: PlannedVolume[] = [];
    for (const instance of scanned)
      for (const v of instance.volumes) {
        const details = info.get(v.volumeId);
        if (!details) continue; // detached or deleted since the listing
        volumes.push({
          instanceId: instance.instanceId,
          volumeId: v.volumeId,
          device: v.device,
          root: v.device === instance.rootDeviceName,
          sizeGiB: details.sizeGiB,
          encrypted: details.encrypted,
          ...(details.kmsKeyId ? { kmsKeyId: details.kmsKeyId } : {}),
        });
      }
    // In parts small enough for one event each (an event store item holds 400 KB), appended in one
    // transaction: a crash leaves the whole plan or none of it.
    const parts = Math.max(
      1,
      Math.ceil(volumes.length / PLAN_PART_VOLUMES),
      Math.ceil(optedOut.length / PLAN_PART_VOLUMES),
    );
    if (parts > MAX_PLAN_PARTS)
      throw new Error(
        `${volumes.length} volumes and ${optedOut.length} opted-out instances in ${this.region} are more than one EBS scan plans (${MAX_PLAN_PARTS * PLAN_PART_VOLUMES}); narrow the scan with the opt-out tag`,
      );
    const byInstance = new Map(scanned.map((i) => [i.instanceId, i]));
    await this.recordAll(
      Array.from({ length: parts }, (_, index) => {
        const slice = volumes.slice(index * PLAN_PART_VOLUMES, (index + 1) * PLAN_PART_VOLUMES);
        const instances = [...new Set(slice.map((v) => v.instanceId))].map((id) => ({
          instanceId: id,
          tags: { ...(byInstance.get(id)?.tags ?? {}) },
        }));
        return {
          type: "vigil.ebs.volumes-planned.v1" as const,
          data: {
            scanId: this.scanId,
            region: this.region,
            ...(group && groupName ? { scannerGroup: groupName } : {}),
            volumes: slice,
            instances,
            optedOut: optedOut.slice(index * PLAN_PART_VOLUMES, (index + 1) * PLAN_PART_VOLUMES),
            ...(parts > 1 ? { part: { index, count: parts } } : {}),
          },
          discriminator: parts > 1 ? `planned#${index}` : "planned",
        };
      }),
    );
    if (!group)
      for (const v of volumes)
        await this.#skip(
          this.state.tasks.get(v.volumeId) as VolumeTask,
          "no-scanner-in-region",
          `no EBS scanner group in ${this.region}: the scanner runs where the Vigil stack is (${this.o.homeRegion}), so disks in other regions are not scanned`,
        );
  }

  async #skip(task: VolumeTask, reason: string, detail: string): Promise<void> {
    await this.record(
      "vigil.ebs.volume-skipped.v1",
      {
        scanId: this.scanId,
        region: this.region,
        instanceId: task.planned.instanceId,
        sourceVolumeArn: this.#arn(task.planned.volumeId),
        reason,
        detail: detail.slice(0, 1024),
      },
      `skipped#${task.planned.volumeId}`,
    );
  }

  /** Why a copy of an encrypted volume failed, in words the person deploying can act on. */
  #kmsDetail(task: VolumeTask, problem: string): string {
    return `encrypted with KMS key ${task.planned.kmsKeyId ?? "(unknown)"}, which the agent's role cannot use through EC2 (${problem}); let the role use the key (kms:CreateGrant, kms:Decrypt, kms:DescribeKey, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt* via ec2.${this.region}.amazonaws.com) in the key policy`;
  }

  /** Every step that can be done now; returns what it waits for, or undefined when every volume is finished. */
  async step(): Promise<string | undefined> {
    const tasks = [...this.state.tasks.values()];
    const open = tasks.filter((t) => !isFinished(t));
    if (open.length === 0) return undefined;
    const now = this.o.clock.now();
    const volumeIds = open
      .filter((t) => t.scanVolumeId && !t.volumeDeleted)
      .map((t) => t.scanVolumeId as string);
    const snapshotIds = open
      .filter((t) => t.snapshotId && !t.snapshotDeleted)
      .map((t) => t.snapshotId as string);
    const volumes = new Map((await this.o.api.volumes(this.region, volumeIds)).map((v) => [v.volumeId, v]));
    const snapshots = new Map(
      (await this.o.api.snapshots(this.region, snapshotIds)).map((s) => [s.snapshotId, s]),
    );
    const waiting = new Set<string>();

    // 1. Judged volumes (scanned or skipped): detach, delete the volume, delete the snapshot.
    for (const task of open.filter((t) => t.scanned || t.skipped)) {
      const w = await this.#cleanUp(task, volumes.get(task.scanVolumeId ?? ""));
      if (w) waiting.add(w);
    }
    // 2. Attached and waiting for the scanner: it lost the volume, or ran out of time.
    for (const task of open.filter((t) => !t.scanned && !t.skipped && t.attachedTo)) {
      const attached = task.attachedTo as NonNullable<VolumeTask["attachedTo"]>;
      const v = volumes.get(task.scanVolumeId ?? "");
      const still = v?.attachments.some(
        (a) => a.instanceId === attached.instanceId && a.state !== "detached",
      );
      if (!still) {
        await this.record(
          "vigil.ebs.volume-detached.v1",
          {
            scanId: this.scanId,
            region: this.region,
            snapshotId: task.snapshotId,
            scanVolumeId: task.scanVolumeId,
            scannerInstanceId: attached.instanceId,
          },
          `detached#${task.scanVolumeId}#${attached.instanceId}#${attached.at}`,
        );
      } else if (now - Date.parse(attached.at) > this.timeoutMs) {
        await this.#skip(
          task,
          "scanner-timeout",
          `the scanner did not report within ${Math.round(this.timeoutMs / 60_000)} minutes of the copy being attached`,
        );
        const w = await this.#cleanUp(task, v);
        if (w) waiting.add(w);
      } else waiting.add("scanner results");
    }

    const needScanner = open.some((t) => !t.scanned && !t.skipped);
    const group = needScanner ? await this.#ensureScanner() : undefined;
    const scanner = group?.instances.find((i) => i.lifecycleState === "InService");
    if (needScanner && !scanner) waiting.add("a scanner instance in service");

    // 3. Volumes created, not attached: attach to the scanner (or recreate in its zone).
    const used = new Set(
      open.filter((t) => t.attachedTo).map((t) => (t.attachedTo as { device: string }).device),
    );
    for (const task of open.filter(
      (t) => !t.scanned && !t.skipped && !t.attachedTo && t.scanVolumeId && !t.volumeDeleted,
    )) {
      const w = await this.#attach(task, volumes.get(task.scanVolumeId as string), scanner, used);
      if (w) waiting.add(w);
    }
    // 4. Snapshots, no volume yet: once completed, a volume in the scanner's zone.
    for (const task of open.filter(
      (t) => !t.scanned && !t.skipped && t.snapshotId && (!t.scanVolumeId || t.volumeDeleted),
    )) {
      const w = await this.#createVolume(task, snapshots.get(task.snapshotId as string), scanner);
      if (w) waiting.add(w);
    }
    // 5. Volumes only planned: snapshot them, while fewer than maxInFlight are in flight.
    // In flight: a copy exists (snapshot or volume) that is not deleted yet.
    let inFlight = [...this.state.tasks.values()].filter((t) => t.snapshotId && !isFinished(t)).length;
    for (const task of open.filter((t) => !t.snapshotId && !t.skipped && !t.scanned)) {
      if (inFlight >= this.maxInFlight) {
        waiting.add("a free slot (in-flight copies are bounded)");
        break;
      }
      await this.#snapshot(task);
      inFlight++;
      waiting.add("snapshots");
    }
    const stillOpen = [...this.state.tasks.values()].filter((t) => !isFinished(t));
    if (stillOpen.length === 0) return undefined;
    return [...waiting].join(", ") || "the next step";
  }

  async #ensureScanner(): Promise<ScannerGroupInfo | undefined> {
    const group = await this.#groupInfo();
    if (!group) return undefined;
    if (group.desiredCapacity < 1) {
      await this.o.api.setDesiredCapacity(this.region, group.name, 1);
      this.#mutated("scale-up");
      await this.record(
        "vigil.ebs.scanner-scaled.v1",
        {
          scanId: this.scanId,
          region: this.region,
          groupName: group.name,
          desiredCapacity: 1,
          reason: "volumes-waiting",
        },
        `scaled#${this.state.scaled.length}`,
      );
      this.#group = { ...group, desiredCapacity: 1 };
    }
    return this.#group;
  }

  async #snapshot(task: VolumeTask): Promise<void> {
    const volumeId = task.planned.volumeId;
    // A crash after CreateSnapshot and before its event left a tagged snapshot: adopt it.
    const orphan = (await this.#allCopies()).snapshots.find(
      (s) =>
        s.tags[SCAN_TAG] === this.scanId && s.tags[SOURCE_VOLUME_TAG] === volumeId && s.state !== "error",
    );
    let snapshotId = orphan?.snapshotId;
    if (!snapshotId) {
      try {
        snapshotId = await this.o.api.createSnapshot(this.region, volumeId, this.#copyTags(task));
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        if (task.planned.encrypted && KMS_PROBLEM.test(`${refused.code} ${refused.message}`))
          await this.#skip(task, "kms-key-unusable", this.#kmsDetail(task, refused.code));
        else
          await this.#skip(
            task,
            "snapshot-failed",
            `CreateSnapshot was refused: ${refused.code}: ${refused.message}`,
          );
        return;
      }
      this.#mutated("create-snapshot");
    }
    await this.record(
      "vigil.ebs.snapshot-created.v1",
      {
        scanId: this.scanId,
        region: this.region,
        sourceVolumeArn: this.#arn(volumeId),
        snapshotId,
        sizeGiB: task.planned.sizeGiB,
        encrypted: task.planned.encrypted,
        instanceId: task.planned.instanceId,
        ...(task.planned.kmsKeyId ? { kmsKeyId: task.planned.kmsKeyId } : {}),
      },
      `snapshot-created#${volumeId}`,
    );
  }

  async #createVolume(
    task: VolumeTask,
    snapshot: SnapshotInfo | undefined,
    scanner: ScannerGroupInfo["instances"][number] | undefined,
  ): Promise<string | undefined> {
    if (!snapshot) {
      await this.#skip(task, "snapshot-failed", `the snapshot copy ${task.snapshotId} no longer exists`);
      task.snapshotDeleted = true;
      return undefined;
    }
    if (snapshot.state === "error") {
      const detail = snapshot.stateMessage ?? "the snapshot failed";
      if (task.planned.encrypted && KMS_PROBLEM.test(detail))
        await this.#skip(task, "kms-key-unusable", this.#kmsDetail(task, detail));
      else await this.#skip(task, "snapshot-failed", `snapshot ${snapshot.snapshotId} failed: ${detail}`);
      return undefined;
    }
    if (snapshot.state !== "completed") return "snapshots";
    if (!scanner) return "a scanner instance in service";
    const snapshotId = snapshot.snapshotId;
    const orphan = (await this.#allCopies()).volumes.find(
      (v) =>
        v.tags[SCAN_TAG] === this.scanId &&
        v.tags[SNAPSHOT_TAG] === snapshotId &&
        v.availabilityZone === scanner.availabilityZone &&
        !["deleting", "deleted", "error"].includes(v.state),
    );
    let scanVolumeId = orphan?.volumeId;
    if (!scanVolumeId) {
      try {
        scanVolumeId = await this.o.api.createVolume(this.region, {
          snapshotId,
          availabilityZone: scanner.availabilityZone,
          tags: this.#copyTags(task, { [SNAPSHOT_TAG]: snapshotId }),
          clientToken: `${this.scanId}/${snapshotId}/${scanner.availabilityZone}`.slice(-64),
        });
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        if (task.planned.encrypted && KMS_PROBLEM.test(`${refused.code} ${refused.message}`))
          await this.#skip(task, "kms-key-unusable", this.#kmsDetail(task, refused.code));
        else
          await this.#skip(
            task,
            "volume-failed",
            `CreateVolume was refused: ${refused.code}: ${refused.message}`,
          );
        return undefined;
      }
      this.#mutated("create-volume");
    }
    await this.record(
      "vigil.ebs.volume-created.v1",
      {
        scanId: this.scanId,
        region: this.region,
        snapshotId,
        scanVolumeId,
        availabilityZone: scanner.availabilityZone,
      },
      `volume-created#${scanVolumeId}`,
    );
    return "volumes to become available";
  }

  async #attach(
    task: VolumeTask,
    volume: VolumeInfo | undefined,
    scanner: ScannerGroupInfo["instances"][number] | undefined,
    used: Set<string>,
  ): Promise<string | undefined> {
    const scanVolumeId = task.scanVolumeId as string;
    if (!volume) {
      // Gone (deleted outside the scan): record it, a new copy is made from the snapshot.
      await this.#cleaned(task, ["volume"]);
      return "volumes";
    }
    // A crash after AttachVolume and before its event: the attachment is there, record it.
    const existing = volume.attachments.find((a) => a.state === "attached" || a.state === "attaching");
    if (existing) {
      await this.#attached(task, existing.instanceId, existing.device);
      used.add(existing.device);
      return "scanner results";
    }
    if (volume.state === "error") {
      if (task.planned.encrypted)
        await this.#skip(
          task,
          "kms-key-unusable",
          this.#kmsDetail(task, "the volume copy went to the error state"),
        );
      else await this.#skip(task, "volume-failed", `volume copy ${scanVolumeId} went to the error state`);
      return undefined;
    }
    if (volume.state !== "available") return "volumes to become available";
    if (!scanner) return "a scanner instance in service";
    if (volume.availabilityZone !== scanner.availabilityZone) {
      // The scanner was replaced in another zone: this copy cannot be attached there; make another.
      if ((await this.o.api.deleteVolume(this.region, scanVolumeId)) === "deleted")
        this.#mutated("delete-volume");
      await this.#cleaned(task, ["volume"]);
      return "volumes";
    }
    const device = SCAN_DEVICES.find((d) => !used.has(d));
    if (!device) return "a free device on the scanner";
    try {
      await this.o.api.attachVolume(this.region, {
        volumeId: scanVolumeId,
        instanceId: scanner.instanceId,
        device,
      });
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      if (task.planned.encrypted && KMS_PROBLEM.test(`${refused.code} ${refused.message}`))
        await this.#skip(task, "kms-key-unusable", this.#kmsDetail(task, refused.code));
      else
        await this.#skip(
          task,
          "attach-failed",
          `AttachVolume was refused: ${refused.code}: ${refused.message}`,
        );
      return undefined;
    }
    this.#mutated("attach-volume");
    used.add(device);
    await this.#attached(task, scanner.instanceId, device);
    return "scanner results";
  }

  async #attached(task: VolumeTask, instanceId: string, device: string): Promise<void> {
    await this.record(
      "vigil.ebs.volume-attached.v1",
      {
        scanId: this.scanId,
        region: this.region,
        snapshotId: task.snapshotId,
        scanVolumeId: task.scanVolumeId,
        scannerInstanceId: instanceId,
        device,
      },
      `volume-attached#${task.scanVolumeId}#${instanceId}`,
    );
  }

  async #cleaned(task: VolumeTask, deleted: ("volume" | "snapshot")[]): Promise<void> {
    await this.record(
      "vigil.ebs.cleaned.v1",
      { scanId: this.scanId, region: this.region, snapshotId: task.snapshotId, deleted },
      `cleaned#${task.snapshotId}#${deleted.join("+")}#${deleted.includes("volume") ? task.scanVolumeId : ""}`,
    );
  }

  /** Detach, delete the volume, delete the snapshot: whatever of it is left. */
  async #cleanUp(task: VolumeTask, volume: VolumeInfo | undefined): Promise<string | undefined> {
    if (task.scanVolumeId && !task.volumeDeleted) {
      const attachment = volume?.attachments.find((a) => a.state !== "detached");
      if (volume && attachment) {
        if (attachment.state !== "detaching") {
          try {
            await this.o.api.detachVolume(this.region, {
              volumeId: volume.volumeId,
              instanceId: attachment.instanceId,
              device: attachment.device,
            });
          } catch (error) {
            if (!/IncorrectState|InvalidAttachment\.NotFound/.test((error as Error).name ?? "")) throw error;
          }
          this.#mutated("detach-volume");
          await this.record(
            "vigil.ebs.volume-detached.v1",
            {
              scanId: this.scanId,
              region: this.region,
              snapshotId: task.snapshotId,
              scanVolumeId: volume.volumeId,
              scannerInstanceId: attachment.instanceId,
            },
            `detached#${volume.volumeId}#${attachment.instanceId}#${task.attachedTo?.at ?? "found"}`,
          );
        }
        return "copies to detach";
      }
      if (volume && !["available", "error", "deleting", "deleted"].includes(volume.state))
        return "copies to detach";
      if (volume && volume.state !== "deleting" && volume.state !== "deleted") {
        if ((await this.o.api.deleteVolume(this.region, volume.volumeId)) === "deleted")
          this.#mutated("delete-volume");
      }
      await this.#cleaned(task, ["volume"]);
    }
    if (task.snapshotId && !task.snapshotDeleted) {
      if ((await this.o.api.deleteSnapshot(this.region, task.snapshotId)) === "deleted")
        this.#mutated("delete-snapshot");
      await this.#cleaned(task, ["snapshot"]);
    }
    return undefined;
  }

  async #scanRunning(scanId: string): Promise<boolean> {
    if (scanId === this.scanId) return true;
    if (this.o.isScanRunning) return this.o.isScanRunning(scanId);
    const read = await this.o.store.readStream(`scan#${scanId}`);
    return scanProgress(read.events).status === "running";
  }

  /**
   * Copies no live step of a running scan owns: `leftovers` (before planning) deletes those of
   * earlier scans that are over; `final` also deletes this scan's own unrecorded copies (a crash
   * between a create and its event, a duplicate run). Returns what it still waits for.
   */
  async sweep(kind: "leftovers" | "final"): Promise<string | undefined> {
    this.#copies = undefined;
    const { volumes, snapshots } = await this.#allCopies();
    const running = new Map<string, boolean>();
    // Copies whose deletion a step already recorded (AWS may still list them for a moment).
    const deleted = new Set<string>(this.state.leftovers);
    for (const t of this.state.tasks.values()) {
      if (t.volumeDeleted && t.scanVolumeId) deleted.add(t.scanVolumeId);
      if (t.snapshotDeleted && t.snapshotId) deleted.add(t.snapshotId);
    }
    const isLeft = async (scanTag: string, id: string) => {
      if (deleted.has(id)) return false;
      if (scanTag === this.scanId) return kind === "final";
      if (!running.has(scanTag)) running.set(scanTag, await this.#scanRunning(scanTag));
      return !running.get(scanTag);
    };
    let waiting: string | undefined;
    for (const v of volumes) {
      if (v.state === "deleting" || v.state === "deleted") continue;
      if (!(await isLeft(v.tags[SCAN_TAG] ?? "", v.volumeId))) continue;
      const attachment = v.attachments.find((a) => a.state !== "detached");
      if (attachment) {
        if (attachment.state !== "detaching") {
          await this.o.api.detachVolume(this.region, {
            volumeId: v.volumeId,
            instanceId: attachment.instanceId,
            device: attachment.device,
          });
          this.#mutated("detach-leftover");
        }
        waiting = "leftover copies to detach";
        continue;
      }
      if (v.state !== "available" && v.state !== "error") {
        waiting = "leftover copies";
        continue;
      }
      if ((await this.o.api.deleteVolume(this.region, v.volumeId)) === "deleted")
        this.#mutated("delete-leftover-volume");
      await this.#leftover("volume", v.volumeId, v.tags[SCAN_TAG] ?? "unknown");
    }
    for (const s of snapshots) {
      if (!(await isLeft(s.tags[SCAN_TAG] ?? "", s.snapshotId))) continue;
      if (s.state === "pending") {
        waiting = "leftover snapshots to complete";
        continue;
      }
      if ((await this.o.api.deleteSnapshot(this.region, s.snapshotId)) === "deleted")
        this.#mutated("delete-leftover-snapshot");
      await this.#leftover("snapshot", s.snapshotId, s.tags[SCAN_TAG] ?? "unknown");
    }
    return kind === "final" ? waiting : undefined;
  }

  async #leftover(
    resource: "volume" | "snapshot",
    resourceId: string,
    createdForScan: string,
  ): Promise<void> {
    await this.record(
      "vigil.ebs.leftover-deleted.v1",
      {
        scanId: this.scanId,
        region: this.region,
        resource,
        resourceId,
        createdForScan: createdForScan || "unknown",
      },
      `leftover#${resourceId}`,
    );
  }

  /** Every volume is finished: the scanner group goes back to zero. */
  async scaleDownWhenIdle(): Promise<void> {
    const group = await this.#groupInfo();
    if (!group || group.desiredCapacity === 0) return;
    await this.o.api.setDesiredCapacity(this.region, group.name, 0);
    this.#mutated("scale-down");
    await this.record(
      "vigil.ebs.scanner-scaled.v1",
      { scanId: this.scanId, region: this.region, groupName: group.name, desiredCapacity: 0, reason: "idle" },
      `scaled#${this.state.scaled.length}`,
    );
  }
}
