import {
  type DataOf,
  type EventEnvelope,
  InMemoryEventStore,
  type UnreadCall,
  type VigilEvent,
} from "@vigil/events";
import type { AssetHeader } from "../assets/index.ts";
import type { AwsClients } from "../aws/clients.ts";
import { ApiBudget } from "../budget/budget.ts";
import { type Clock, systemClock } from "../budget/clock.ts";
import {
  type AssetReport,
  type CheckResult,
  type CheckSelection,
  emptySummary,
  type Mute,
  planEvaluation,
  type ScanReport,
  type ScanSummary,
} from "../checks/index.ts";
import { type AccountIdentity, identifyAccount, type RegionStatus } from "../discovery/identify.ts";
import type { CallProblem, RawRecorder } from "../discovery/reader.ts";
import { PauseGate } from "../scheduler/pause.ts";
import { scanProgress } from "../scheduler/plan.ts";
import { InMemoryJobQueue } from "../scheduler/queue/memory.ts";
import { type JobOutcome, readScanEvents, ScanScheduler, scanStreamId } from "../scheduler/runner.ts";
import { planShards } from "../scheduler/shards.ts";

export { assessedData } from "./assessed.ts";

import { SCAN_SHARD_KINDS, type ServiceGroup, shardKindsOf } from "./shard.ts";
import { scanShardWorker } from "./shard-worker.ts";
import { type EventSink, publishingStore } from "./sink.ts";

export const AGENT_VERSION = "0.1.0";

/** What a scan in this process reports as it goes: its plan, then each shard as it finishes. */
export type ScanProgressEvent =
  | {
      readonly kind: "planned";
      readonly regions: readonly RegionStatus[];
      readonly scannedRegions: readonly string[];
      readonly shards: number;
    }
  | {
      readonly kind: "shard-finished";
      readonly shardId: string;
      readonly assets: number;
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: "paused"; readonly until: number };

export interface ScanOptions {
  /** The scanned account's clients; each job gets its own, wired to the scheduler's budget and pause. */
  readonly clients: AwsClients;
  /** Where the scan's events go as they are recorded; default: nowhere (the result still carries them). */
  readonly emit?: EventSink;
  /** Default: a fresh id. */
  readonly scanId?: string;
  /** Default `local-<account id>`. */
  readonly integrationId?: string;
  readonly regions?: readonly string[];
  readonly selection?: CheckSelection;
  readonly mutes?: readonly Mute[];
  /** Evaluation time: ages and mute expiry are measured against it. Default: now. */
  readonly now?: number | Date | string;
  /** Replaces the service groups (tests narrow a scan to some collectors). */
  readonly groups?: readonly ServiceGroup[];
  /** Jobs run at once (default 8). */
  readonly concurrency?: number;
  readonly onProgress?: (progress: ScanProgressEvent) => void;
  /** Receives every answer as snapshot files (`captureSnapshot`). */
  readonly recorder?: RawRecorder;
  /** Throw on a read the AWS reads description (packages/events) does not describe, or not as described (tests). */
  readonly strictReads?: boolean;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** How long a rate-limit error pauses every job (default: the agent's 15 minutes). */
  readonly pauseMs?: number;
}

export interface ScanTimings {
  readonly totalMs: number;
}

/** A scan's outcome, read back from its own event stream: what the platform receives, whole. */
export interface ScanResult extends ScanReport {
  readonly scanId: string;
  readonly accountId: string;
  readonly partition: string;
  readonly discovery: {
    readonly regions: readonly RegionStatus[];
    readonly scannedRegions: readonly string[];
    /** Calls denied or not in a snapshot: the checks that need them decided nothing. */
    readonly deniedCalls: readonly CallProblem[];
    /** Calls that failed otherwise (after the SDK's retries). */
    readonly failedCalls: readonly CallProblem[];
  };
  readonly assets: readonly AssetHeader[];
  readonly checkCount: number;
  /** The scan's stream, in order (`scan.started` … `scan.completed`). */
  readonly events: readonly EventEnvelope[];
  readonly eventCount: number;
  readonly completed: DataOf<"vigil.scan.completed.v1"> | undefined;
  readonly timings: ScanTimings;
}

/**
 * One scan in this process, through the pipeline the deployed agent runs: the scheduler plans the
 * scan's shards and queues them (an in-memory queue and event log here, SQS and DynamoDB in the
 * Lambda), each job collects one (region, service group) inside the API budget, evaluates it and
 * checkpoints it, and the last one completes the scan. The result is read back from the scan's
 * stream, so the CLI reports exactly what the platform would receive.
 */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const clock = options.clock ?? systemClock;
  const scanId =
    options.scanId ?? `scan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const now = options.now ?? clock.now();
  const settings = {
    selection: options.selection ?? {},
    mutes: options.mutes ?? [],
  };
  // Unknown policies or checks fail here, before any AWS call.
  const plan = planEvaluation({ now, ...settings });
  // What this scan evaluates: the OS checks run only where an EBS scan reads a disk (not here).
  const apiCheckCount = plan.checks.filter((c) => c.resourceType !== "aws.ec2.instance-os").length;
  const identity: AccountIdentity = await identifyAccount(options.clients, options.regions);
  const { accountId, partition } = identity;
  const integrationId = options.integrationId ?? `local-${accountId}`;
  const source = `urn:vigil:agent:${accountId}`;
  const log = new InMemoryEventStore();
  const store = options.emit ? publishingStore(log, source, options.emit) : log;
  const queue = new InMemoryJobQueue({ clock });
  const gate = new PauseGate({
    store,
    integrationId,
    clock,
    source,
    ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
  });
  const kinds = options.groups ? shardKindsOf(options.groups) : SCAN_SHARD_KINDS;
  const evaluationTime = typeof now === "number" ? now : new Date(now).getTime();
  const shardCount = planShards(identity.scannedRegions, kinds).length;
  let done = 0;
  const scheduler = new ScanScheduler({
    store,
    queue,
    clock,
    budget: new ApiBudget({ clock }),
    gate,
    worker: scanShardWorker({
      clients: (call) => options.clients.withCall(call),
      partition,
      settings,
      now: () => evaluationTime,
      ...(options.groups ? { groups: options.groups } : {}),
      ...(options.recorder ? { recorder: options.recorder } : {}),
      ...(options.strictReads ? { strictReads: true } : {}),
    }),
    integrationId,
    accountId,
    source,
    agentVersion: AGENT_VERSION,
    checkCount: apiCheckCount,
    kinds,
    // One process, one account: no reason to hold jobs back.
    spread: { spreadMs: 0, jitterMs: 0 },
    resumeJitterMs: 0,
    observer: {
      jobFinished: (job, outcome) => {
        if (outcome.kind === "completed") {
          done++;
          options.onProgress?.({
            kind: "shard-finished",
            shardId: job.shard.shardId,
            assets: outcome.assessed,
            done,
            total: shardCount,
          });
        } else if (outcome.kind === "rate-limited" || outcome.kind === "deferred") {
          options.onProgress?.({ kind: "paused", until: outcome.until });
        }
      },
    },
  });
  options.onProgress?.({
    kind: "planned",
    regions: identity.regions,
    scannedRegions: identity.scannedRegions,
    shards: shardCount,
  });

  const streamId = scanStreamId(scanId);
  await scheduler.startScan({ scanId, regions: identity.scannedRegions });
  await drainUntilDone({ scheduler, queue, clock, concurrency: options.concurrency ?? 8 });

  const read = await log.readStream(streamId);
  const progress = scanProgress(read.events);
  if (progress.status !== "completed") {
    throw new Error(
      `scan ${scanId} stopped ${progress.status}: its jobs ended before every shard was checkpointed`,
    );
  }
  const events = await readScanEvents(log, scanId);
  return {
    scanId,
    accountId,
    partition,
    ...resultOf(events),
    discovery: {
      regions: identity.regions,
      scannedRegions: identity.scannedRegions,
      ...unreadOf(events),
    },
    checkCount: apiCheckCount,
    events,
    eventCount: events.length,
    timings: { totalMs: performance.now() - started },
  };
}

/** Runs jobs until the queue is empty; a paused scan waits for its jobs to come due. */
async function drainUntilDone(o: {
  scheduler: ScanScheduler;
  queue: InMemoryJobQueue;
  clock: Clock;
  concurrency: number;
}): Promise<void> {
  const worker = async (): Promise<void> => {
    for (;;) {
      const outcomes: JobOutcome[] = await o.scheduler.drain(1);
      if (outcomes.length > 0) continue;
      // Nothing visible. Jobs held by other workers are theirs (a worker that re-queues one keeps
      // looping); jobs held back (a pause, a delay) are waited for.
      const next = o.queue.nextWaitingAt();
      if (next === undefined) return;
      await o.clock.sleep(Math.min(1_000, Math.max(5, next - o.clock.now())));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
}

/** Reports, assets and totals from a scan's `asset-assessed` events. */
function resultOf(events: readonly EventEnvelope[]): {
  reports: AssetReport[];
  assets: AssetHeader[];
  summary: ScanSummary;
  completed: DataOf<"vigil.scan.completed.v1"> | undefined;
} {
  const summary = emptySummary();
  const reports: AssetReport[] = [];
  let completed: DataOf<"vigil.scan.completed.v1"> | undefined;
  for (const event of events as readonly VigilEvent[]) {
    if (event.type === "vigil.scan.completed.v1") completed = event.data;
    if (event.type !== "vigil.scan.asset-assessed.v1") continue;
    const { asset, results } = event.data;
    summary.assets++;
    for (const r of results) {
      summary.evaluations++;
      summary[r.status]++;
      if (r.status === "fail") summary.failBySeverity[r.severity]++;
    }
    const header: AssetHeader = {
      arn: asset.arn,
      type: asset.type as AssetHeader["type"],
      region: asset.region,
      accountId: asset.accountId,
      tags: asset.tags,
      ...(asset.name !== undefined ? { name: asset.name } : {}),
    };
    reports.push({ asset: header, results: results as CheckResult[] });
  }
  reports.sort(
    (a, b) =>
      cmp(a.asset.region, b.asset.region) || cmp(a.asset.type, b.asset.type) || cmp(a.asset.arn, b.asset.arn),
  );
  return { reports, assets: reports.map((r) => r.asset), summary, completed };
}

/** The calls the scan's shards could not read, from their `shard-completed` events. */
function unreadOf(events: readonly EventEnvelope[]): {
  deniedCalls: CallProblem[];
  failedCalls: CallProblem[];
} {
  const deniedCalls: CallProblem[] = [];
  const failedCalls: CallProblem[] = [];
  for (const event of events as readonly VigilEvent[]) {
    if (event.type !== "vigil.scan.shard-completed.v1") continue;
    for (const call of event.data.unreadCalls ?? ([] as UnreadCall[])) {
      const problem = { path: call.path, code: call.code, message: call.message };
      (call.kind === "denied" ? deniedCalls : failedCalls).push(problem);
    }
  }
  return { deniedCalls, failedCalls };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
