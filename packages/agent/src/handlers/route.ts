import { type HealthCheckResponse, isHealthCheckRequest, parseEvent } from "@vigil/events";
import { type AgentRuntime, scanAndReport, sendHeartbeat } from "../lifecycle/check-in.ts";
import {
  type CustomResourceDeps,
  type CustomResourceResponse,
  handleCustomResource,
  isCustomResourceEvent,
  type LambdaContextLike,
} from "../lifecycle/custom-resource.ts";

/**
 * Everything the agent Lambda is invoked with, recognised by shape:
 * - `{kind: "vigil.health-check"}` from the updater → `{ok, version}` (before anything else, no AWS);
 * - a CloudFormation custom resource request (the registration resource) → answered via its ResponseURL;
 * - EventBridge: `{kind: "vigil.heartbeat"}` (every 10 minutes) or `{kind: "vigil.scan"}` (the scan
 *   schedule) as the rule's constant input; a bare Scheduled Event counts as a heartbeat when its
 *   rule's name contains "heartbeat", else as a scan;
 * - SQS batches from the agent's queue: `vigil.scan.requested.v1` runs a scan; other valid events
 *   are acknowledged; an invalid record is reported in `batchItemFailures` (→ dead-letter queue).
 */
export type AgentInvocation =
  | { kind: "health-check" }
  | { kind: "custom-resource" }
  | { kind: "heartbeat" }
  | { kind: "scan"; scanId?: string }
  | { kind: "sqs" }
  | { kind: "unknown" };

export function classify(event: unknown): AgentInvocation {
  if (isHealthCheckRequest(event)) return { kind: "health-check" };
  if (isCustomResourceEvent(event)) return { kind: "custom-resource" };
  const e = event as { kind?: unknown; "detail-type"?: unknown; resources?: unknown; Records?: unknown };
  if (e?.kind === "vigil.heartbeat") return { kind: "heartbeat" };
  if (e?.kind === "vigil.scan") return { kind: "scan" };
  if (e?.["detail-type"] === "Scheduled Event") {
    const rules = Array.isArray(e.resources) ? e.resources.map(String) : [];
    return rules.some((r) => r.toLowerCase().includes("heartbeat"))
      ? { kind: "heartbeat" }
      : { kind: "scan" };
  }
  if (Array.isArray(e?.Records)) return { kind: "sqs" };
  return { kind: "unknown" };
}

export interface AgentHandlerDeps {
  version: string;
  /** Built lazily: a health check needs neither AWS nor configuration. */
  customResource(): CustomResourceDeps;
  runtime(): AgentRuntime;
  newScanId(now: Date): string;
}

export type AgentResult =
  | HealthCheckResponse
  | CustomResourceResponse
  | { heartbeat: "sent" }
  | { scanId: string; reported: number }
  | { batchItemFailures: { itemIdentifier: string }[] };

interface SqsRecordLike {
  messageId: string;
  body: string;
}

export async function routeAgentInvocation(
  event: unknown,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const invocation = classify(event);
  switch (invocation.kind) {
    case "health-check":
      return { ok: true, version: deps.version };
    case "custom-resource":
      return handleCustomResource(
        event as Parameters<typeof handleCustomResource>[0],
        context ?? { getRemainingTimeInMillis: () => 60_000 },
        deps.customResource(),
      );
    case "heartbeat":
      await sendHeartbeat(deps.runtime());
      return { heartbeat: "sent" };
    case "scan":
      return scanAndReport(deps.runtime(), deps.newScanId(new Date()));
    case "sqs":
      return handleRecords((event as { Records: SqsRecordLike[] }).Records, deps);
    case "unknown":
      throw new Error(
        "The agent does not recognise this invocation: expected a health check, a CloudFormation custom resource request, {kind: vigil.heartbeat|vigil.scan}, a Scheduled Event or an SQS batch.",
      );
  }
}

/** Minimal typed dispatch over the agent queue (the bus's SQS wrapper replaces it once exported). */
async function handleRecords(
  records: readonly SqsRecordLike[],
  deps: AgentHandlerDeps,
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of records) {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      body = undefined;
    }
    const parsed = parseEvent(body);
    if (!parsed.ok) {
      console.error(`message ${record.messageId} is not a Vigil event: ${parsed.error.message}`);
      failures.push({ itemIdentifier: record.messageId });
      continue;
    }
    try {
      if (parsed.event.type === "vigil.scan.requested.v1") {
        await scanAndReport(deps.runtime(), parsed.event.data.scanId);
      }
    } catch (error) {
      console.error(`message ${record.messageId} failed: ${(error as Error).message}`);
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
