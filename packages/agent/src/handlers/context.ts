import {
  type DeadLetterSink,
  deterministicEventId,
  type EventEnvelope,
  type HealthCheckResponse,
  type IdempotencyStore,
  type RecordOutcome,
  type snsHandler,
  type sqsHandler,
} from "@vigil/events";
import type { ScannerResultOutcome } from "../ebs/record.ts";
import type {
  CustomResourceDeps,
  CustomResourceFallback,
  CustomResourceResponse,
  LambdaContextLike,
} from "../lifecycle/custom-resource.ts";
import type { Logger } from "../lifecycle/log.ts";
import type { TeardownApi } from "../lifecycle/teardown.ts";
import type { ResolvedSettings } from "../policies/settings.ts";
import type { JobOutcome, ScanScheduler } from "../scheduler/runner.ts";
import { keepDraining, scanRegionsFor } from "./decide.ts";

/**
 * What every trigger's entry point shares: the ports the runtime acts through, built once per
 * Lambda instance and only when an invocation needs them, and the drain of the job queue.
 */

/** What the runtime acts through; built once per Lambda instance, and only when an invocation needs it. */
export interface AgentPorts {
  readonly integrationId: string;
  readonly accountId: string;
  readonly homeRegion: string;
  /** `VIGIL_SCAN_REGIONS`, if set. */
  readonly configuredRegions: readonly string[] | undefined;
  /** Producer URI of the agent's events, `urn:vigil:agent:<accountId>`. */
  readonly source: string;
  /** Its store appends to the event log and publishes what the agent produced (SNS, and the platform when configured). */
  readonly scheduler: ScanScheduler;
  /** Facts outside a scan's stream (cleanup): appended to `integration#<id>` and published. */
  record(events: readonly EventEnvelope[]): Promise<void>;
  /** The EBS scanner's `vigil.ebs.scanned.v1`, recorded in its region's EBS scan stream (or ignored, with why). */
  recordScannerResult(event: EventEnvelope): Promise<ScannerResultOutcome>;
  /**
   * Sends another producer's fact (the updater's) to the platform over the agent's direct path,
   * throwing when it is not taken (the push is then retried); `topic` where the platform reads
   * the topic itself (the local stack).
   */
  forwardToPlatform(event: EventEnvelope): Promise<"forwarded" | "topic">;
  /** Keeps the platform's settings command in the log, where every scan job reads the latest. */
  recordSettings(command: EventEnvelope): Promise<void>;
  /** The settings scans run with now (the stack's, under the latest command). */
  settings(): Promise<ResolvedSettings>;
  /** Messages on the job queue: one GetQueueAttributes call. */
  pendingJobs(): Promise<{ visible: number; delayed: number; inFlight: number }>;
  enabledRegions(): Promise<string[]>;
  readonly idempotency: IdempotencyStore;
  readonly deadLetters: DeadLetterSink;
  readonly teardown: TeardownApi;
  /** Signed check-in with the platform; resolves to the number of platform commands it took. */
  readonly checkIn: (() => Promise<number>) | undefined;
  readonly log: Logger;
  now(): number;
  /** Sends what the invocation recorded and has not published yet (the outbox); every entry point ends with it. */
  flush(): Promise<void>;
}

export interface AgentHandlerDeps {
  version: string;
  /**
   * Built lazily: a health check needs neither AWS nor configuration. When it throws (the Lambda
   * is misconfigured), the custom resource request is still answered, through `customResourceFallback`.
   */
  customResource(): CustomResourceDeps;
  /** How to answer CloudFormation when `customResource()` throws (default: log to stdout, PUT with fetch). */
  customResourceFallback?: CustomResourceFallback;
  ports(): Promise<AgentPorts>;
  /** Sends the outbox of the ports, when they were built (a health check builds none). */
  flush?(): Promise<void>;
  newScanId(now: Date): string;
  /** Debounce window of instance rescans (default 60 s). */
  rescanWindowMs?: number;
}

export interface DrainSummary {
  jobs: number;
  completed: number;
  deferred: number;
  scansCompleted: number;
}

export type AgentResult =
  | HealthCheckResponse
  | CustomResourceResponse
  | {
      heartbeat: "sent" | "not-configured" | "failed";
      /** Platform commands the check-in took (put on the events topic). */
      commands: number;
      pendingJobs: number;
      drained: DrainSummary;
    }
  | { scanId: string; queued: number; drained: DrainSummary }
  | { handled: Array<{ messageId: string; outcome: RecordOutcome["kind"] }>; drained: DrainSummary }
  | { rescan: string; instanceId: string; delayMs: number; queued: number }
  | { ignored: string }
  | SQSBatchResponse;

export type SNSEvent = Parameters<ReturnType<typeof snsHandler>>[0];
export type SQSEvent = Parameters<ReturnType<typeof sqsHandler>>[0];
type SQSBatchResponse = Awaited<ReturnType<ReturnType<typeof sqsHandler>>>;

/** The agent's consumer name: scopes idempotency keys and is written on its dead letters. */
export const AGENT_CONSUMER = "vigil-agent";

export const NO_DRAIN: DrainSummary = { jobs: 0, completed: 0, deferred: 0, scansCompleted: 0 };

/** Ports built on first use by a record that needs them (an unreadable record fails without any AWS client). */
export function lazyPorts(deps: AgentHandlerDeps): { get: () => Promise<AgentPorts> } {
  let ports: Promise<AgentPorts> | undefined;
  return { get: () => (ports ??= deps.ports()) };
}

/** Records a scan's start and queues its jobs (regions: the request's, else configured, else enabled). */
export async function startRequestedScan(
  requested: EventEnvelope,
  ports: AgentPorts,
): Promise<{ queued: number }> {
  const data = requested.data as { scanId: string; regions?: string[] };
  const regions = scanRegionsFor({
    requested: data.regions,
    configured: ports.configuredRegions,
    enabled: await ports.enabledRegions(),
    home: ports.homeRegion,
  });
  // A scan already started (a duplicate or our own request echoed by SNS) keeps its queued jobs.
  const out = await ports.scheduler.startScan({ scanId: data.scanId, regions, requested, onlyIfNew: true });
  ports.log("info", "scan started", { scanId: data.scanId, regions: regions.length, queued: out.queued });
  return out;
}

/** Runs queued jobs until the queue has nothing visible or only ~60 s of the invocation remain. */
export async function drain(ports: AgentPorts, context: LambdaContextLike): Promise<DrainSummary> {
  const summary: DrainSummary = { jobs: 0, completed: 0, deferred: 0, scansCompleted: 0 };
  for (;;) {
    if (!keepDraining(1, context.getRemainingTimeInMillis())) break;
    const outcomes: JobOutcome[] = await ports.scheduler.drain(10);
    for (const o of outcomes) {
      summary.jobs++;
      if (o.kind === "completed") {
        summary.completed++;
        if (o.scanCompleted) summary.scansCompleted++;
      } else if (o.kind === "deferred" || o.kind === "rate-limited") summary.deferred++;
    }
    if (!keepDraining(outcomes.length, context.getRemainingTimeInMillis())) break;
  }
  ports.log("info", "job queue drained", { ...summary });
  return summary;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export const DEFAULT_CONTEXT: LambdaContextLike = { getRemainingTimeInMillis: () => 900_000 };

/** Ids of events the agent records for a scan it starts itself. */
export function requestedEventId(scanId: string): string {
  return deterministicEventId(`scan#${scanId}`, 0, "requested");
}
