import { isHealthCheckRequest } from "@vigil/events";
import {
  type CustomResourceEvent,
  isCustomResourceEvent,
  type LambdaContextLike,
} from "../lifecycle/custom-resource-event.ts";
import type { AgentHandlerDeps, AgentResult, SNSEvent, SQSEvent } from "./context.ts";
import { onHealthCheck } from "./triggers/health-check.ts";
import { onHeartbeat } from "./triggers/heartbeat.ts";
import { onInstanceStateChange } from "./triggers/instance-state-change.ts";
import { onScanSchedule } from "./triggers/scan-schedule.ts";
import { onQueueEvents, onTopicEvents } from "./triggers/topic.ts";

export {
  AGENT_CONSUMER,
  type AgentHandlerDeps,
  type AgentPorts,
  type AgentResult,
  type DrainSummary,
  drain,
} from "./context.ts";

/**
 * Everything the agent Lambda is invoked with (runtime contract), recognised by shape and handed
 * to that trigger's entry point (`triggers/`, one file each):
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

export async function routeAgentInvocation(
  event: unknown,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const invocation = classify(event);
  switch (invocation.kind) {
    case "health-check":
      return onHealthCheck(deps);
    case "custom-resource":
      // Only stack creation, update and deletion send these: their code loads with the first one.
      return (await import("./triggers/custom-resource.ts")).onCustomResource(
        event as CustomResourceEvent,
        context,
        deps,
      );
    case "sns":
      return flushed(deps, () => onTopicEvents(event as SNSEvent, context, deps));
    case "sqs":
      return flushed(deps, () => onQueueEvents(event as SQSEvent, context, deps));
    case "heartbeat":
      return flushed(deps, () => onHeartbeat(event, context, deps));
    case "scan":
      return flushed(deps, () => onScanSchedule(event, context, deps));
    case "instance-state-change":
      return flushed(deps, () => onInstanceStateChange(event, context, deps));
    case "unknown":
      throw new Error(
        "The agent does not recognise this invocation: expected a health check, a CloudFormation custom resource request, SNS records from the vigil-events topic, {kind: vigil.heartbeat|vigil.scan}, a Scheduled Event or an EC2 instance state-change notification.",
      );
  }
}

/** Runs an entry point, then sends what it recorded and has not published yet (its outbox). */
async function flushed<T>(deps: AgentHandlerDeps, run: () => Promise<T>): Promise<T> {
  const result = await run();
  await deps.flush?.();
  return result;
}
