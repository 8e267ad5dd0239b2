import {
  createEvent,
  type DeadLetterSink,
  deterministicEventId,
  type EventEnvelope,
  EventRejectedError,
  type HealthCheckResponse,
  type IdempotencyStore,
  isHealthCheckRequest,
  type RecordOutcome,
  type SnsHandlerResult,
  snsHandler,
  sqsHandler,
  type VigilEvent,
} from "@vigil/events";
import {
  type CustomResourceDeps,
  type CustomResourceFallback,
  type CustomResourceResponse,
  handleCustomResource,
  isCustomResourceEvent,
  type LambdaContextLike,
} from "../lifecycle/custom-resource.ts";
import type { Logger } from "../lifecycle/log.ts";
import { type TeardownApi, tearDown } from "../lifecycle/teardown.ts";
import type { ResolvedSettings } from "../policies/settings.ts";
import { parseInstanceStateChange } from "../scheduler/debounce.ts";
import type { JobOutcome, ScanScheduler } from "../scheduler/runner.ts";
import { decideEvent, decideRescan, keepDraining, scanRegionsFor, shouldDrain } from "./decide.ts";

/**
 * Everything the agent Lambda is invoked with (runtime contract), recognised by shape:
 * - `{kind: "vigil.health-check"}` from the updater → `{ok, version}` (before anything else, no AWS);
 * - a CloudFormation custom resource request (the registration resource);
 * - SNS pushes from the `vigil-events` topic (`Records[].EventSource === "aws:sns"`);
 * - SQS batches of events (a local stand-in queue; nothing in a deployed stack maps a queue to it);
 * - EventBridge: `{kind: "vigil.heartbeat"}`, `{kind: "vigil.scan"}` (constant inputs; a bare Scheduled
 *   Event counts as a heartbeat when its rule's name contains "heartbeat", else as a scan), and
 *   `aws.ec2` / `EC2 Instance State-change Notification` (a debounced rescan of that instance).
 */
export type AgentInvocation =
  | { kind: "health-check" }
  | { kind: "custom-resource" }
  | { kind: "heartbeat" }
  | { kind: "scan"; scanId?: string }
  | { kind: "sns" }
  | { kind: "sqs" }
  | { kind: "instance-state-change" }
  | { kind: "unknown" };

export function classify(event: unknown): AgentInvocation {
  if (isHealthCheckRequest(event)) return { kind: "health-check" };
  if (isCustomResourceEvent(event)) return { kind: "custom-resource" };
  const e = event as {
    kind?: unknown;
    source?: unknown;
    "detail-type"?: unknown;
    resources?: unknown;
    Records?: unknown;
  } | null;
  if (e?.kind === "vigil.heartbeat") return { kind: "heartbeat" };
  if (e?.kind === "vigil.scan") return { kind: "scan" };
  if (e?.["detail-type"] === "Scheduled Event") {
    const rules = Array.isArray(e.resources) ? e.resources.map(String) : [];
    return rules.some((r) => r.toLowerCase().includes("heartbeat"))
      ? { kind: "heartbeat" }
      : { kind: "scan" };
  }
  if (e?.source === "aws.ec2" && e["detail-type"] === "EC2 Instance State-change Notification")
    return { kind: "instance-state-change" };
  if (Array.isArray(e?.Records)) {
    const records = e.Records as { EventSource?: unknown }[];
    return records.length > 0 && records.every((r) => r?.EventSource === "aws:sns")
      ? { kind: "sns" }
      : { kind: "sqs" };
  }
  return { kind: "unknown" };
}

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
  /** Signed check-in with the platform; undefined when no platform is configured. */
  readonly checkIn: (() => Promise<void>) | undefined;
  readonly log: Logger;
  now(): number;
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
  | { heartbeat: "sent" | "not-configured" | "failed"; pendingJobs: number; drained: DrainSummary }
  | { scanId: string; queued: number; drained: DrainSummary }
  | { handled: Array<{ messageId: string; outcome: RecordOutcome["kind"] }>; drained: DrainSummary }
  | { rescan: string; instanceId: string; delayMs: number; queued: number }
  | { ignored: string }
  | SQSBatchResponse;

type SNSEvent = Parameters<ReturnType<typeof snsHandler>>[0];
type SQSEvent = Parameters<ReturnType<typeof sqsHandler>>[0];
type SQSBatchResponse = Awaited<ReturnType<ReturnType<typeof sqsHandler>>>;

/** The agent's consumer name: scopes idempotency keys and is written on its dead letters. */
export const AGENT_CONSUMER = "vigil-agent";

const NO_DRAIN: DrainSummary = { jobs: 0, completed: 0, deferred: 0, scansCompleted: 0 };

export async function routeAgentInvocation(
  event: unknown,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const ctx = context ?? { getRemainingTimeInMillis: () => 900_000 };
  const invocation = classify(event);
  switch (invocation.kind) {
    case "health-check":
      return { ok: true, version: deps.version };
    case "custom-resource":
      return handleCustomResource(
        event as Parameters<typeof handleCustomResource>[0],
        context ?? { getRemainingTimeInMillis: () => 60_000 },
        () => deps.customResource(),
        deps.customResourceFallback,
      );
    case "sns": {
      const ports = await deps.ports();
      const run = { started: false };
      const result: SnsHandlerResult = await snsHandler((e) => onEvent(e, ports, run), {
        consumer: AGENT_CONSUMER,
        deadLetters: ports.deadLetters,
        idempotency: ports.idempotency,
      })(event as SNSEvent);
      return {
        handled: result.outcomes.map((o) => ({ messageId: o.messageId, outcome: o.outcome.kind })),
        drained: run.started ? await drain(ports, ctx) : NO_DRAIN,
      };
    }
    case "sqs": {
      // Ports only when a record needs them: an unreadable record fails without any AWS client.
      const lazy = lazyPorts(deps);
      const run = { started: false };
      const response = await sqsHandler(async (e) => onEvent(e, await lazy.get(), run), {
        consumer: AGENT_CONSUMER,
        deadLetters: {
          send: async (message, reason) => (await lazy.get()).deadLetters.send(message, reason),
        },
        idempotency: {
          claim: async (key) => (await lazy.get()).idempotency.claim(key),
          complete: async (key) => (await lazy.get()).idempotency.complete(key),
          release: async (key) => (await lazy.get()).idempotency.release(key),
        },
      })(event as SQSEvent);
      if (run.started) await drain(await lazy.get(), ctx);
      return response;
    }
    case "heartbeat": {
      const ports = await deps.ports();
      let heartbeat: "sent" | "not-configured" | "failed" = "not-configured";
      if (ports.checkIn) {
        try {
          await ports.checkIn();
          heartbeat = "sent";
        } catch (error) {
          // The platform being down must not stop the scan jobs from draining.
          heartbeat = "failed";
          ports.log("warn", "heartbeat failed", { error: describe(error) });
        }
      }
      const pending = await ports.pendingJobs();
      const total = pending.visible + pending.delayed + pending.inFlight;
      return {
        heartbeat,
        pendingJobs: total,
        drained: shouldDrain(pending) ? await drain(ports, ctx) : NO_DRAIN,
      };
    }
    case "scan": {
      const ports = await deps.ports();
      const scanId = deps.newScanId(new Date(ports.now()));
      const requested = createEvent(
        "vigil.scan.requested.v1",
        { scanId, trigger: "schedule", requestedBy: "schedule" },
        {
          source: ports.source,
          integrationId: ports.integrationId,
          id: deterministicEventId(`scan#${scanId}`, 0, "requested"),
          correlationId: scanId,
          time: new Date(ports.now()),
        },
      );
      const { queued } = await startRequestedScan(requested, ports);
      return { scanId, queued, drained: await drain(ports, ctx) };
    }
    case "instance-state-change": {
      const parsed = parseInstanceStateChange(event);
      if (!parsed.ok) return { ignored: parsed.reason };
      const ports = await deps.ports();
      const decision = decideRescan(parsed.change, ports.now(), deps.rescanWindowMs);
      const requested = createEvent(
        "vigil.scan.requested.v1",
        {
          scanId: decision.scanId,
          trigger: "event",
          regions: [decision.region],
          filters: { assetTypes: ["aws.ec2.instance"] },
          requestedBy: `aws.ec2:${decision.instanceId}:${parsed.change.state}`,
        },
        {
          source: ports.source,
          integrationId: ports.integrationId,
          id: deterministicEventId(`scan#${decision.scanId}`, 0, "requested"),
          correlationId: decision.scanId,
          time: new Date(ports.now()),
        },
      );
      const { queued } = await ports.scheduler.startScan({
        scanId: decision.scanId,
        regions: [decision.region],
        requested,
        resourceIds: [decision.instanceId],
        delayMs: decision.delayMs,
        onlyIfNew: true,
      });
      ports.log("info", "instance rescan", { ...decision, queued });
      return { rescan: decision.scanId, instanceId: decision.instanceId, delayMs: decision.delayMs, queued };
    }
    case "unknown":
      throw new Error(
        "The agent does not recognise this invocation: expected a health check, a CloudFormation custom resource request, SNS records from the vigil-events topic, {kind: vigil.heartbeat|vigil.scan}, a Scheduled Event or an EC2 instance state-change notification.",
      );
  }
}

function lazyPorts(deps: AgentHandlerDeps) {
  let ports: Promise<AgentPorts> | undefined;
  return { get: () => (ports ??= deps.ports()) };
}

/** One event from the topic: decide (pure), then act through the ports. */
async function onEvent(event: VigilEvent, ports: AgentPorts, run: { started: boolean }): Promise<void> {
  const decision = decideEvent(event, ports.integrationId);
  switch (decision.action) {
    case "start-scan":
      await startRequestedScan(event as EventEnvelope, ports);
      run.started = true;
      return;
    case "tear-down":
      await cleanUp(event, ports);
      return;
    case "record-settings":
      await ports.recordSettings(event as EventEnvelope);
      ports.log("info", "scan settings recorded", { id: event.id, changedBy: decision.changedBy });
      return;
    case "reject":
      // Not retried: the same command would be refused again. It goes to the DLQ with the reason.
      throw new EventRejectedError(decision.reason);
    case "acknowledge":
      ports.log("info", "event acknowledged", { type: event.type, id: event.id, reason: decision.reason });
      return;
  }
}

async function startRequestedScan(requested: EventEnvelope, ports: AgentPorts): Promise<{ queued: number }> {
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

/** A delete requested by the platform or the customer: remove what Vigil created, report it. */
async function cleanUp(event: VigilEvent, ports: AgentPorts): Promise<void> {
  const regions = scanRegionsFor({
    requested: undefined,
    configured: ports.configuredRegions,
    enabled: await ports.enabledRegions(),
    home: ports.homeRegion,
  });
  const result = await tearDown(ports.teardown, regions, ports.integrationId);
  ports.log("info", "teardown finished", {
    removed: result.removed,
    failures: result.failures.length,
    left: result.left.length,
  });
  await ports.record([
    createEvent(
      "vigil.integration.resources-cleaned-up.v1",
      {
        accountId: ports.accountId,
        removed: result.removed,
        failures: [...result.failures, ...result.left].slice(0, 100),
      },
      {
        source: ports.source,
        integrationId: ports.integrationId,
        id: deterministicEventId(`cleanup#${event.id}`, 1, "resources-cleaned-up"),
        correlationId: event.correlationid ?? event.id,
        causationId: event.id,
        time: new Date(ports.now()),
      },
    ),
  ]);
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
