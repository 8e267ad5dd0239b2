/**
 * A region's EBS scan as its log says it stands (pure): the volumes planned, and for each the copies
 * made, where they are attached, whether the scanner reported, what was deleted. The orchestrator
 * decides every next step from this alone, so a crash at any point resumes from the log.
 */
import type { EventEnvelope } from "@vigil/events";

export function ebsStreamId(scanId: string, region: string): string {
  return `ebs#${scanId}#${region}`;
}

export interface PlannedVolume {
  readonly instanceId: string;
  readonly volumeId: string;
  readonly device: string;
  readonly root: boolean;
  readonly sizeGiB: number;
  readonly encrypted: boolean;
  readonly kmsKeyId?: string | undefined;
}

export interface ScannedReport {
  readonly eventId: string;
  readonly filesScanned: number;
  readonly volumeRole: "root" | "data" | undefined;
  readonly results: readonly {
    checkId: string;
    status: "pass" | "fail" | "muted" | "error";
    severity: string;
    title: string;
    evidence?: string | undefined;
  }[];
  readonly os: unknown;
  readonly packages: unknown;
  readonly error: { code: string; message: string } | undefined;
  readonly at: string;
}

export interface VolumeTask {
  readonly planned: PlannedVolume;
  snapshotId?: string;
  scanVolumeId?: string;
  availabilityZone?: string;
  attachedTo?: { instanceId: string; device: string; at: string };
  scanned?: ScannedReport;
  skipped?: { reason: string; detail: string };
  volumeDeleted: boolean;
  snapshotDeleted: boolean;
}

/** Built and changed in place by `applyEbsEvent` only. */
export interface EbsScanState {
  planned: boolean;
  scannerGroup: string | undefined;
  readonly instances: Map<string, { tags: Record<string, string> }>;
  optedOut: string[];
  readonly tasks: Map<string, VolumeTask>;
  /** Copies found left over and deleted (ids). */
  readonly leftovers: Set<string>;
  /** Scaling events so far, latest last. */
  readonly scaled: { desired: number; reason: string }[];
  /** Index of tasks by the copies' ids. */
  readonly bySnapshot: Map<string, VolumeTask>;
  readonly byScanVolume: Map<string, VolumeTask>;
}

type Data = Record<string, unknown>;

export function volumeIdOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

export function emptyEbsScanState(): EbsScanState {
  return {
    planned: false,
    scannerGroup: undefined,
    instances: new Map(),
    optedOut: [],
    tasks: new Map(),
    leftovers: new Set(),
    scaled: [],
    bySnapshot: new Map(),
    byScanVolume: new Map(),
  };
}

/** Folds the stream's events; events of other types (or for volumes not planned) are ignored. */
export function ebsScanState(events: readonly { event: EventEnvelope }[]): EbsScanState {
  const state = emptyEbsScanState();
  for (const { event } of events) applyEbsEvent(state, event);
  return state;
}

/** Applies one event to the state, in place. */
export function applyEbsEvent(state: EbsScanState, event: EventEnvelope): void {
  const mutable = state;
  const d = event.data as Data;
  switch (event.type) {
    case "vigil.ebs.volumes-planned.v1": {
      // One event, or the parts of a large plan (appended together): the plan is their union.
      mutable.planned = true;
      mutable.scannerGroup ??= d.scannerGroup as string | undefined;
      for (const id of (d.optedOut as string[]) ?? [])
        if (!mutable.optedOut.includes(id)) mutable.optedOut.push(id);
      for (const i of (d.instances as { instanceId: string; tags: Record<string, string> }[] | undefined) ??
        [])
        mutable.instances.set(i.instanceId, { tags: i.tags });
      for (const v of d.volumes as PlannedVolume[])
        if (!state.tasks.has(v.volumeId))
          state.tasks.set(v.volumeId, { planned: v, volumeDeleted: false, snapshotDeleted: false });
      break;
    }
    case "vigil.ebs.snapshot-created.v1": {
      const task = state.tasks.get(volumeIdOfArn(d.sourceVolumeArn as string));
      if (!task || task.snapshotId) break;
      task.snapshotId = d.snapshotId as string;
      state.bySnapshot.set(task.snapshotId, task);
      break;
    }
    case "vigil.ebs.volume-created.v1": {
      const task = state.bySnapshot.get(d.snapshotId as string);
      if (!task) break;
      task.scanVolumeId = d.scanVolumeId as string;
      task.availabilityZone = d.availabilityZone as string;
      task.volumeDeleted = false;
      task.attachedTo = undefined;
      state.byScanVolume.set(task.scanVolumeId, task);
      break;
    }
    case "vigil.ebs.volume-attached.v1": {
      const task = state.byScanVolume.get(d.scanVolumeId as string);
      if (!task || task.volumeDeleted) break;
      task.attachedTo = {
        instanceId: d.scannerInstanceId as string,
        device: d.device as string,
        at: event.time,
      };
      break;
    }
    case "vigil.ebs.scanned.v1": {
      const task = state.bySnapshot.get(d.snapshotId as string);
      if (!task || task.scanned) break;
      task.scanned = {
        eventId: event.id,
        filesScanned: d.filesScanned as number,
        volumeRole: d.volumeRole as "root" | "data" | undefined,
        results: d.results as ScannedReport["results"],
        os: d.os,
        packages: d.packages,
        error: d.error as ScannedReport["error"],
        at: event.time,
      };
      break;
    }
    case "vigil.ebs.volume-detached.v1": {
      const task = state.byScanVolume.get(d.scanVolumeId as string);
      if (task && task.attachedTo?.instanceId === d.scannerInstanceId) task.attachedTo = undefined;
      break;
    }
    case "vigil.ebs.cleaned.v1": {
      const task = state.bySnapshot.get(d.snapshotId as string);
      if (!task) break;
      const deleted = d.deleted as string[];
      if (deleted.includes("volume")) {
        task.volumeDeleted = true;
        task.attachedTo = undefined;
      }
      if (deleted.includes("snapshot")) task.snapshotDeleted = true;
      break;
    }
    case "vigil.ebs.volume-skipped.v1": {
      const task = state.tasks.get(volumeIdOfArn(d.sourceVolumeArn as string));
      if (task && !task.skipped) task.skipped = { reason: d.reason as string, detail: d.detail as string };
      break;
    }
    case "vigil.ebs.scanner-scaled.v1":
      state.scaled.push({ desired: d.desiredCapacity as number, reason: d.reason as string });
      break;
    case "vigil.ebs.leftover-deleted.v1":
      state.leftovers.add(d.resourceId as string);
      break;
  }
}

/** Whether a task needs nothing more: judged (scanned or skipped) and every copy it made deleted. */
export function isFinished(task: VolumeTask): boolean {
  if (!task.scanned && !task.skipped) return false;
  const volumeLeft = task.scanVolumeId !== undefined && !task.volumeDeleted;
  const snapshotLeft = task.snapshotId !== undefined && !task.snapshotDeleted;
  return !volumeLeft && !snapshotLeft;
}
