import { createHash } from "node:crypto";
import {
  type AssetRef,
  type CheckResult,
  createEvent,
  deterministicEventId,
  type EventEnvelope,
  type EventStore,
  ExpectedVersionConflictError,
  planAppends,
  type ScanCoverage,
  type UncoveredPair,
  type UnreadCall,
} from "@vigil/events";
import type { ApiBudget } from "../budget/budget.ts";
import { type BudgetedCall, budgetedCall } from "../budget/call.ts";
import type { Clock } from "../budget/clock.ts";
import { RateLimitedError } from "../budget/errors.ts";
import type { PauseGate } from "./pause.ts";
import { addAssessed, emptyTotals, planRemainingShards, scanProgress } from "./plan.ts";
import type { JobQueue, ScanJob } from "./queue/port.ts";
import { DEFAULT_SHARD_KINDS, kindsFor, planShards, type ShardKind } from "./shards.ts";
import {
  delayUntil,
  interleaveByRegion,
  jobDelays,
  MAX_QUEUE_DELAY_MS,
  type SpreadOptions,
} from "./spread.ts";

/** One assessed asset, as the scan flow hands it back. */
export interface AssessedAsset {
  readonly asset: AssetRef;
  readonly results: readonly CheckResult[];
}

export interface ShardWorkContext {
  /** The agent's `call(family, fn)` seam, wired to the budget and the pause. Pass it to `createAwsClients`. */
  readonly call: BudgetedCall;
  readonly clock: Clock;
}

/** Discovers and assesses one shard (the scan flow's collectors + checks). Every AWS call goes through `context.call`. */
export interface ShardWorker {
  run(job: ScanJob, context: ShardWorkContext): Promise<ShardWorkResult>;
}

export interface ShardWorkResult {
  readonly assessed: readonly AssessedAsset[];
  /** Calls failed or were denied, so assets may be missing: the scan claims no coverage there. */
  readonly incomplete?: boolean;
  /** The calls it could not read, carried by `shard-completed` (the first 100). */
  readonly unread?: readonly UnreadCall[];
  /** (region, type) pairs it could not list: the scan's coverage leaves them out. */
  readonly uncovered?: readonly UncoveredPair[];
  /**
   * The shard's work goes on beyond this job (an EBS scan waits for snapshots and the scanner): the
   * job is queued again to run after `retryAfterMs`, and nothing is checkpointed yet.
   */
  readonly pending?: { readonly retryAfterMs: number; readonly waitingFor: string };
  /** What the shard cost: AWS calls made, calls the SDK had to retry, time taken. */
  readonly stats?: {
    readonly apiCalls: number;
    readonly throttledCalls: number;
    readonly durationMs: number;
  };
}

/** A job stopped because the pause began while it ran (seen at its next AWS call). */
export class JobPausedError extends Error {
  override readonly name = "JobPausedError";
  constructor(readonly until: number) {
    super(
      `scan jobs are paused for rate limiting until ${new Date(until).toISOString()}; the job was re-queued`,
    );
  }
}

export type JobOutcome =
  | { readonly kind: "completed"; readonly assessed: number; readonly scanCompleted: boolean }
  | { readonly kind: "skipped"; readonly reason: string }
  | {
      readonly kind: "deferred";
      readonly until: number;
      readonly reason: "paused" | "not-before" | "in-progress";
      readonly waitingFor?: string;
    }
  | { readonly kind: "rate-limited"; readonly until: number; readonly pauseWritten: boolean };

export interface SchedulerObserver {
  /** A job's shard work starts (after every check passed). */
  jobStarted?(job: ScanJob, at: number): void;
  jobFinished?(job: ScanJob, outcome: JobOutcome, at: number): void;
}

export interface ScanSchedulerOptions {
  readonly store: EventStore;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly budget: ApiBudget;
  readonly gate: PauseGate;
  readonly worker: ShardWorker;
  readonly integrationId: string;
  readonly accountId: string;
  /** Producer URI, e.g. `urn:vigil:agent:<accountId>`. */
  readonly source: string;
  readonly agentVersion: string;
  /** Checks a full scan evaluates (`scan.started`'s `checkCount`), or how to count them when a scan starts. */
  readonly checkCount?: number | (() => Promise<number>);
  readonly kinds?: readonly ShardKind[];
  /** Spreading of a scan's jobs; the seed defaults to the scan id. */
  readonly spread?: Partial<SpreadOptions>;
  /** Jitter added to re-queued jobs after a pause (default 30 s), so they don't all start at `until`. */
  readonly resumeJitterMs?: number;
  readonly observer?: SchedulerObserver;
  /**
   * Change-only reporting: an asset's report is published only when it changed since the one last
   * published, or `refreshMs` after it was (so a report the platform missed is sent again); each
   * shard's digest lists every asset it saw. Absent: every report is published.
   */
  readonly changeOnly?: { readonly refreshMs: number };
  /**
   * Publishing is at least once: a job delivered again after its shard was checkpointed (the run
   * that appended it stopped before the publish or the ack) hands the shard's events — and the
   * scan's completion, if it has one — to this again. Consumers deduplicate by event id.
   */
  readonly republish?: (events: readonly EventEnvelope[]) => Promise<void>;
  /** Called after a drain's jobs ran and before they are acknowledged (the agent flushes its publishes). */
  readonly beforeAck?: () => Promise<void>;
}

export function scanStreamId(scanId: string): string {
  return `scan#${scanId}`;
}

/** One asset in a shard's digest (`vigil.scan.shard-digest.v1`). */
interface DigestEntry {
  arn: string;
  fingerprint: string;
  reported: boolean;
  reportedAt: string;
}

/** Assets per digest part, and the parts read back from a digest stream's end. */
const DIGEST_PART = 500;
const DIGEST_TAIL = 40;

/** Where a shard's digests go, scan after scan: `digest#<integrationId>#<shardId>`. */
export function digestStreamId(integrationId: string, shardId: string): string {
  return `digest#${integrationId}#${shardId}`;
}

/** The fingerprint of an asset's report: identity and results, in a stable order (16 hex digits). */
export function reportFingerprint(report: AssessedAsset): string {
  const { asset } = report;
  const tags = Object.keys(asset.tags)
    .sort()
    .map((k) => [k, asset.tags[k]]);
  const results = [...report.results]
    .sort((a, b) => (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0))
    .map((r) => [r.checkId, r.status, r.severity, r.title, r.evidence ?? null, r.muteId ?? null]);
  const canonical = JSON.stringify([asset.arn, asset.type, asset.region, asset.name ?? null, tags, results]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

/**
 * A scan's whole record: its stream, each completed shard's assessments (from the shard's own
 * stream) just before that shard's checkpoint. What the scan published, in a readable order.
 */
export async function readScanEvents(
  store: Pick<EventStore, "readStream">,
  scanId: string,
): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  const shardsRead = new Set<string>();
  for (const { event } of (await store.readStream(scanStreamId(scanId))).events) {
    const shardId = (event.data as { shardId?: unknown } | undefined)?.shardId;
    if (
      event.type === "vigil.scan.shard-completed.v1" &&
      typeof shardId === "string" &&
      !shardsRead.has(shardId)
    ) {
      shardsRead.add(shardId);
      const shard = await store.readStream(shardStreamId(scanId, shardId));
      events.push(...shard.events.map((e) => e.event));
    }
    events.push(event);
  }
  return events;
}

/** Where one shard's `asset-assessed` events go: `scan#<scanId>#<shardId>`. */
export function shardStreamId(scanId: string, shardId: string): string {
  return `scan#${scanId}#${shardId}`;
}

/**
 * One Lambda instance's scheduler. `startScan` records the scan and queues its remaining shards
 * (so it also restarts a scan after a crash); `handle` runs one job: it honours the pause, skips
 * finished shards, runs the shard inside the API budget, and checkpoints it (`shard-completed`).
 */
export class ScanScheduler {
  readonly #o: ScanSchedulerOptions;
  readonly #kinds: readonly ShardKind[];

  constructor(options: ScanSchedulerOptions) {
    this.#o = options;
    this.#kinds = options.kinds ?? DEFAULT_SHARD_KINDS;
  }

  /**
   * Records `scan.started` (once, after the scan's `scan.requested` when given, so a narrowed scan
   * keeps its filters in its stream) and queues every shard without a `shard-completed`, spread in
   * time. `delayMs` holds every job back that much more (a debounced rescan).
   */
  async startScan(request: {
    scanId: string;
    regions: readonly string[];
    requested?: EventEnvelope;
    resourceIds?: readonly string[];
    delayMs?: number;
    /** Queue nothing when the scan already started (a duplicate request); its jobs are already queued. */
    onlyIfNew?: boolean;
  }): Promise<{ queued: number }> {
    const { store, clock } = this.#o;
    const streamId = scanStreamId(request.scanId);
    let read = await store.readStream(streamId);
    const status = scanProgress(read.events).status;
    if (status !== "not-started") {
      // A retried request may follow a first handling that appended but did not publish: again.
      const ours = read.events
        .map((e) => e.event)
        .filter(
          (e) =>
            e.source === this.#o.source &&
            (e.type === "vigil.scan.requested.v1" || e.type === "vigil.scan.started.v1"),
        );
      if (ours.length > 0) await this.#o.republish?.(ours);
    }
    if (request.onlyIfNew && status !== "not-started") return { queued: 0 };
    if (status === "not-started") {
      const first: EventEnvelope[] = [];
      const hasRequest = read.events.some((e) => e.event.type === "vigil.scan.requested.v1");
      if (request.requested && !hasRequest) first.push(request.requested);
      const started = {
        scanId: request.scanId,
        regions: [...request.regions],
        checkCount:
          typeof this.#o.checkCount === "function" ? await this.#o.checkCount() : (this.#o.checkCount ?? 0),
        agentVersion: this.#o.agentVersion,
      };
      const meta = this.#meta(streamId, read.streamVersion + first.length + 1, "started", clock.now());
      // How many shards the scan is split into (the platform shows progress as completed ÷ this).
      const shardCount = planRemainingShards(
        [...read.events, ...first, createEvent("vigil.scan.started.v1", started, meta)],
        this.#kinds,
      ).length;
      first.push(createEvent("vigil.scan.started.v1", { ...started, shardCount }, meta));
      try {
        await store.appendToStream(streamId, first, { expectedVersion: read.streamVersion });
      } catch (error) {
        if (!(error instanceof ExpectedVersionConflictError)) throw error;
      }
      read = await store.readStream(streamId);
    }
    const progress = scanProgress(read.events);
    const remaining = interleaveByRegion(planRemainingShards(read.events, this.#kinds));
    const spread = { seed: request.scanId, ...this.#o.spread };
    const delays = jobDelays(
      remaining.map((s) => s.shardId),
      spread,
    );
    await this.#o.queue.send(
      remaining.map((shard) => {
        const delayMs = (delays.get(shard.shardId) ?? 0) + Math.max(0, request.delayMs ?? 0);
        const job: ScanJob = {
          integrationId: this.#o.integrationId,
          accountId: this.#o.accountId,
          scanId: request.scanId,
          shard,
          regions: [...progress.regions],
          ...(progress.assetTypes ? { assetTypes: [...progress.assetTypes] } : {}),
          ...(request.resourceIds ? { resourceIds: [...request.resourceIds] } : {}),
          ...(delayMs > MAX_QUEUE_DELAY_MS ? { notBefore: clock.now() + delayMs } : {}),
        };
        return { job, delayMs };
      }),
    );
    return { queued: remaining.length };
  }

  /** Runs one job. Never throws for throttling: it pauses and re-queues instead. */
  async handle(job: ScanJob): Promise<JobOutcome> {
    const outcome = await this.#handle(job);
    this.#o.observer?.jobFinished?.(job, outcome, this.#o.clock.now());
    return outcome;
  }

  /** Receives up to `max` jobs, runs them concurrently and acknowledges each. */
  async drain(max = 10): Promise<JobOutcome[]> {
    const received = await this.#o.queue.receive(max);
    if (received.length === 0) return [];
    // A job is acknowledged only once what it recorded has gone out (`beforeAck` flushes what the
    // publishing sink holds): a crash in between redelivers it, and the redelivery republishes.
    const outcomes = await Promise.all(received.map(({ job }) => this.handle(job)));
    await this.#o.beforeAck?.();
    await Promise.all(received.map(({ receipt }) => this.#o.queue.ack(receipt)));
    return outcomes;
  }

  async #handle(job: ScanJob): Promise<JobOutcome> {
    const { clock, gate, store } = this.#o;
    const now = clock.now();
    if (job.notBefore !== undefined && now < job.notBefore) {
      await this.#requeue(job, job.notBefore, 0);
      return { kind: "deferred", until: job.notBefore, reason: "not-before" };
    }
    const pause = await gate.current();
    if (pause.until !== undefined) {
      await this.#requeue(job, pause.until, this.#o.resumeJitterMs ?? 30_000);
      return { kind: "deferred", until: pause.until, reason: "paused" };
    }
    const streamId = scanStreamId(job.scanId);
    const read = await store.readStream(streamId);
    const progress = scanProgress(read.events);
    if (progress.completedShards.has(job.shard.shardId)) {
      await this.#republishShard(job, read.events);
      return {
        kind: "skipped",
        reason: progress.status === "running" ? "shard already completed" : progress.status,
      };
    }
    if (progress.status === "completed" || progress.status === "failed")
      return { kind: "skipped", reason: progress.status };
    await this.#recordResumed(job, pause, read.events, read.streamVersion);

    let rateLimited: RateLimitedError | undefined;
    const budgeted = budgetedCall(this.#o.budget, {
      accountId: job.accountId,
      onRateLimited: (e) => {
        rateLimited ??= e;
      },
    });
    const call: BudgetedCall = (info, fn) => {
      const until = gate.pausedUntilCached();
      if (until !== undefined) return Promise.reject(new JobPausedError(until));
      if (rateLimited) return Promise.reject(rateLimited);
      return budgeted(info, fn);
    };

    this.#o.observer?.jobStarted?.(job, now);
    let work: ShardWorkResult = { assessed: [] };
    try {
      work = await this.#o.worker.run(job, { call, clock });
    } catch (error) {
      if (error instanceof JobPausedError) {
        await this.#requeue(job, error.until, this.#o.resumeJitterMs ?? 30_000);
        return { kind: "deferred", until: error.until, reason: "paused" };
      }
      if (!(error instanceof RateLimitedError)) throw error;
      rateLimited ??= error;
    }
    if (rateLimited) {
      // The documented rule: one call still throttled after the SDK's retries pauses every job.
      const { until, written } = await gate.pause({
        api: rateLimited.api,
        region: rateLimited.region,
        scanId: job.scanId,
      });
      await this.#requeue(job, until, this.#o.resumeJitterMs ?? 30_000);
      return { kind: "rate-limited", until, pauseWritten: written };
    }
    if (work.pending) {
      const until = clock.now() + Math.max(0, work.pending.retryAfterMs);
      await this.#requeue(job, until, 0);
      return { kind: "deferred", until, reason: "in-progress", waitingFor: work.pending.waitingFor };
    }
    return this.#commit(job, work);
  }

  /**
   * Appends the shard's assessments to the shard's own stream (assets already there are not
   * appended again), then its checkpoint with the shard's totals to the scan's stream. The scan's
   * stream stays small (a few events a shard), so every job reads it cheaply and shards never
   * contend for one stream's versions.
   */
  async #commit(job: ScanJob, work: ShardWorkResult): Promise<JobOutcome> {
    const { store, clock } = this.#o;
    const { assessed, incomplete = false, unread = [], uncovered = [], stats } = work;
    const streamId = scanStreamId(job.scanId);
    const shardStream = shardStreamId(job.scanId, job.shard.shardId);
    const progress = scanProgress((await store.readStream(streamId)).events);
    if (progress.completedShards.has(job.shard.shardId))
      return { kind: "skipped", reason: "shard already completed" };
    // What an earlier run of this job already wrote: a retry appends nothing twice.
    const before = await store.readStream(shardStream);
    const done = new Map<string, Parameters<typeof addAssessed>[1]>();
    for (const { event } of before.events) {
      if (event.type !== "vigil.scan.asset-assessed.v1") continue;
      const data = event.data as Parameters<typeof addAssessed>[1] & { asset: { arn: string } };
      if (!done.has(data.asset.arn)) done.set(data.asset.arn, data);
    }
    const changeOnly = this.#o.changeOnly;
    const digests = changeOnly
      ? await this.#digests(digestStreamId(this.#o.integrationId, job.shard.shardId), job.scanId)
      : undefined;
    const fresh = assessed.filter((a) => !done.has(a.asset.arn) && !digests?.thisScan.has(a.asset.arn));
    const now = clock.now();
    const at = new Date(now).toISOString();
    // Change-only: a report equal to the one last published (and published less than `refreshMs`
    // ago) is not sent again; the shard's digest says it was seen.
    const entries: DigestEntry[] = [];
    const reported = fresh.filter((a) => {
      if (!changeOnly || !digests) return true;
      const fingerprint = reportFingerprint(a);
      const prior = digests.prior.get(a.asset.arn);
      const unchanged =
        prior !== undefined &&
        prior.fingerprint === fingerprint &&
        now - Date.parse(prior.reportedAt) < changeOnly.refreshMs;
      entries.push({
        arn: a.asset.arn,
        fingerprint,
        reported: !unchanged,
        reportedAt: unchanged ? (prior?.reportedAt as string) : at,
      });
      return !unchanged;
    });
    // Ids name the scan, shard and asset, never a version: a retry or a second delivery of the job
    // writes the same ids, which consumers deduplicate.
    const events: EventEnvelope[] = reported.map((a) =>
      createEvent(
        "vigil.scan.asset-assessed.v1",
        {
          scanId: job.scanId,
          shardId: job.shard.shardId,
          assessedAt: at,
          asset: a.asset,
          results: [...a.results],
        },
        this.#meta(shardStream, 0, `asset-assessed#${job.shard.shardId}#${a.asset.arn}`, now),
      ),
    );
    // In chunks one transaction holds (99 on an existing stream, 4 MB), each atomic.
    for (const chunk of planAppends(shardStream, events, { expectedVersion: "any" })) {
      await store.appendToStream(shardStream, chunk, { expectedVersion: "any" });
    }
    // Every shard's digest goes out, an empty one too: the platform counts a shard done by it
    // (shard checkpoints stay in the agent's log).
    if (changeOnly) await this.#appendDigest(job, entries, at, now);
    // The shard's totals: every asset this run assessed, and any an earlier run appended that it did not see.
    const totals = emptyTotals();
    const counted = new Set<string>();
    for (const a of assessed) {
      counted.add(a.asset.arn);
      addAssessed(totals, a);
    }
    for (const [arn, data] of done) if (!counted.has(arn)) addAssessed(totals, data);
    const assetCount = counted.size + [...done.keys()].filter((arn) => !counted.has(arn)).length;
    const completed = createEvent(
      "vigil.scan.shard-completed.v1",
      {
        scanId: job.scanId,
        shardId: job.shard.shardId,
        region: job.shard.region,
        assetType: job.shard.assetType,
        assetCount,
        apiCalls: stats?.apiCalls ?? 0,
        throttledCalls: stats?.throttledCalls ?? 0,
        durationMs: stats?.durationMs ?? 0,
        ...(incomplete || uncovered.length > 0 ? { incomplete: true } : {}),
        ...(unread.length > 0 ? { unreadCalls: unread.slice(0, 100) } : {}),
        ...(uncovered.length > 0 ? { uncovered: uncovered.slice(0, 200) } : {}),
        totals,
      },
      this.#meta(streamId, 0, `shard-completed#${job.shard.shardId}`, now),
    );
    await store.appendToStream(streamId, [completed], { expectedVersion: "any" });
    const scanCompleted = await this.#completeIfDone(job.scanId, completed);
    return { kind: "completed", assessed: reported.length, scanCompleted };
  }

  /**
   * The shard's digests at the end of its digest stream: the assets an earlier run of this scan
   * already listed, and the latest other scan's fingerprints (the reports last published). Reads
   * at most the last `DIGEST_TAIL` parts; an asset beyond them counts as changed (reported again).
   */
  async #digests(
    stream: string,
    scanId: string,
  ): Promise<{ thisScan: Set<string>; prior: Map<string, DigestEntry> }> {
    const { store } = this.#o;
    const version = (await store.readStream(stream, { from: Number.MAX_SAFE_INTEGER })).streamVersion;
    const thisScan = new Set<string>();
    const prior = new Map<string, DigestEntry>();
    if (version === 0) return { thisScan, prior };
    const tail = await store.readStream(stream, { from: Math.max(1, version - DIGEST_TAIL + 1) });
    let priorScan: string | undefined;
    for (const { event } of [...tail.events].reverse()) {
      if (event.type !== "vigil.scan.shard-digest.v1") continue;
      const data = event.data as { scanId: string; assets: DigestEntry[] };
      if (data.scanId === scanId) {
        for (const entry of data.assets) thisScan.add(entry.arn);
        continue;
      }
      priorScan ??= data.scanId;
      if (data.scanId !== priorScan) break;
      for (const entry of data.assets) if (!prior.has(entry.arn)) prior.set(entry.arn, entry);
    }
    return { thisScan, prior };
  }

  async #appendDigest(job: ScanJob, entries: readonly DigestEntry[], seenAt: string, now: number) {
    const stream = digestStreamId(this.#o.integrationId, job.shard.shardId);
    const parts = Math.max(1, Math.ceil(entries.length / DIGEST_PART));
    const events = Array.from({ length: parts }, (_, i) =>
      createEvent(
        "vigil.scan.shard-digest.v1",
        {
          scanId: job.scanId,
          shardId: job.shard.shardId,
          seenAt,
          part: i + 1,
          parts,
          assets: entries.slice(i * DIGEST_PART, (i + 1) * DIGEST_PART).map((e) => ({ ...e })),
        },
        this.#meta(stream, 0, `shard-digest#${job.scanId}#${job.shard.shardId}#${i + 1}`, now),
      ),
    );
    for (const chunk of planAppends(stream, events, { expectedVersion: "any" }))
      await this.#o.store.appendToStream(stream, chunk, { expectedVersion: "any" });
  }

  /** The shard's checkpointed events, from its stream and the scan's (and the scan's end), handed to `republish` again. */
  async #republishShard(job: ScanJob, events: readonly { event: EventEnvelope }[]): Promise<void> {
    if (!this.#o.republish) return;
    const shardId = job.shard.shardId;
    const assessed = await this.#o.store.readStream(shardStreamId(job.scanId, shardId));
    const digests = this.#o.changeOnly
      ? await this.#o.store.readStream(digestStreamId(this.#o.integrationId, shardId), {
          from: Math.max(
            1,
            (
              await this.#o.store.readStream(digestStreamId(this.#o.integrationId, shardId), {
                from: Number.MAX_SAFE_INTEGER,
              })
            ).streamVersion -
              DIGEST_TAIL +
              1,
          ),
        })
      : { events: [] };
    const ofThisScan = digests.events.filter(
      (e) => (e.event.data as { scanId?: unknown }).scanId === job.scanId,
    );
    const again = [...assessed.events, ...ofThisScan, ...events]
      .map((e) => e.event)
      .filter((e) => {
        if (e.source !== this.#o.source) return false;
        const data = e.data as { shardId?: unknown };
        return (
          data.shardId === shardId ||
          e.type === "vigil.counts.resource-counts-reported.v1" ||
          e.type === "vigil.scan.completed.v1"
        );
      });
    if (again.length > 0) await this.#o.republish(again);
  }

  /** Appends `resource-counts-reported` and `scan.completed` once every shard is in. */
  async #completeIfDone(scanId: string, checkpoint?: EventEnvelope): Promise<boolean> {
    const { store, clock } = this.#o;
    const streamId = scanStreamId(scanId);
    for (let attempt = 0; attempt < 20; attempt++) {
      const read = await store.readStream(streamId);
      const progress = scanProgress(read.events);
      if (progress.status !== "running") return false;
      // The shard's checkpoint must be in the log before anyone can complete the scan: a write the
      // store acknowledged but does not hold (seen with concurrent appends on DynamoDB Local) would
      // leave the scan running for ever with no job left. Written again (same id) until it is there.
      const shardId = (checkpoint?.data as { shardId?: string } | undefined)?.shardId;
      if (checkpoint && shardId && !progress.completedShards.has(shardId)) {
        await store.appendToStream(streamId, [checkpoint], { expectedVersion: "any" });
        continue;
      }
      if (planRemainingShards(read.events, this.#kinds).length > 0) return false;
      const now = clock.now();
      const started = progress.startedAt ? Date.parse(progress.startedAt) : now;
      const counted = createEvent(
        "vigil.counts.resource-counts-reported.v1",
        { scanId, counts: progress.counts, total: progress.assetCount },
        this.#meta(streamId, read.streamVersion + 1, "resource-counts-reported", now),
      );
      const completed = createEvent(
        "vigil.scan.completed.v1",
        {
          scanId,
          assetCount: progress.assetCount,
          results: progress.results,
          failedBySeverity: progress.failedBySeverity,
          durationMs: Math.max(0, now - started),
          ...coverageOf(progress, this.#kinds),
        },
        this.#meta(streamId, read.streamVersion + 2, "completed", now),
      );
      try {
        const appended = await store.appendToStream(streamId, [counted, completed], {
          expectedVersion: read.streamVersion,
        });
        // Two shards finishing together append the same (deterministic) events; only the one that
        // wrote them completed the scan, the other's append was an idempotent no-op.
        return !appended.alreadyAppended;
      } catch (error) {
        if (!(error instanceof ExpectedVersionConflictError)) throw error;
      }
    }
    return false;
  }

  /** The first job of a scan to run after a pause ended records `scan.resumed` (once per scan and pause). */
  async #recordResumed(
    job: ScanJob,
    pause: Awaited<ReturnType<PauseGate["current"]>>,
    events: Parameters<typeof scanProgress>[0],
    version: number,
  ): Promise<void> {
    const { pauseEventId, pausedAt, lastUntil } = pause;
    if (pauseEventId === undefined || pausedAt === undefined || lastUntil === undefined) return;
    const progress = scanProgress(events);
    if (progress.resumedFrom.has(pauseEventId)) return;
    if (progress.startedAt === undefined || Date.parse(progress.startedAt) >= lastUntil) return;
    const streamId = scanStreamId(job.scanId);
    const now = this.#o.clock.now();
    const resumed = createEvent(
      "vigil.scan.resumed.v1",
      {
        scanId: job.scanId,
        pausedMs: Math.max(0, lastUntil - pausedAt),
        remainingShards: planRemainingShards(events, this.#kinds).length,
      },
      { ...this.#meta(streamId, version + 1, "resumed", now), causationId: pauseEventId },
    );
    try {
      await this.#o.store.appendToStream(streamId, [resumed], { expectedVersion: version });
    } catch (error) {
      // Another job of this scan got there first (or appended something else): the next job re-checks.
      if (!(error instanceof ExpectedVersionConflictError)) throw error;
    }
  }

  async #requeue(job: ScanJob, until: number, jitterMs: number): Promise<void> {
    const now = this.#o.clock.now();
    const deferrals = (job.deferrals ?? 0) + 1;
    const delayMs = delayUntil(until, now, jitterMs, job.scanId, `${job.shard.shardId}#${deferrals}`);
    const notBefore = now + delayMs;
    await this.#o.queue.send([
      { job: { ...job, notBefore, deferrals }, delayMs: Math.min(delayMs, MAX_QUEUE_DELAY_MS) },
    ]);
  }

  #meta(streamId: string, version: number, discriminator: string, now: number) {
    return {
      source: this.#o.source,
      integrationId: this.#o.integrationId,
      id: deterministicEventId(streamId, version, discriminator),
      time: new Date(now),
      subject: streamId,
    };
  }
}

/**
 * What a completed scan covered in full (see `scanCoverageSchema`): its regions, `global` when its
 * global shards ran, narrowed to its asset types if it had a filter; nothing for a targeted scan.
 */
function coverageOf(
  progress: ReturnType<typeof scanProgress>,
  kinds: readonly ShardKind[],
): { coverage?: ScanCoverage } {
  if (progress.targeted || progress.regions.length === 0) return {};
  const scoped = kindsFor(kinds, progress.assetTypes);
  const globalServices = new Set(scoped.filter((k) => k.scope === "global").map((k) => k.service));
  // A shard that could not list some types says which; one that was incomplete without saying
  // (an older agent) takes its whole region out.
  const uncovered = new Set<string>();
  for (const shard of planShards(progress.regions, scoped)) {
    if (progress.incompleteShards.has(shard.shardId) && !progress.uncoveredByShard.has(shard.shardId))
      uncovered.add(globalServices.has(shard.service) ? "global" : shard.region);
  }
  const regions = [...progress.regions, ...(globalServices.size > 0 ? ["global"] : [])].filter(
    (r) => !uncovered.has(r),
  );
  if (regions.length === 0) return {};
  const excluded = [...progress.uncoveredByShard.values()].flat();
  return {
    coverage: {
      regions,
      ...(progress.assetTypes ? { assetTypes: [...progress.assetTypes] } : {}),
      ...(excluded.length > 0 ? { excluded: excluded.slice(0, 500) } : {}),
    },
  };
}
