import {
  createEvent,
  deterministicEventId,
  type EventEnvelope,
  EventRejectedError,
  type SnsHandlerResult,
  snsHandler,
  sqsHandler,
  type VigilEvent,
} from "@vigil/events";
import type { LambdaContextLike } from "../../lifecycle/custom-resource-event.ts";
import { tearDown } from "../../lifecycle/teardown.ts";
import {
  AGENT_CONSUMER,
  type AgentHandlerDeps,
  type AgentPorts,
  type AgentResult,
  DEFAULT_CONTEXT,
  drain,
  lazyPorts,
  NO_DRAIN,
  type SNSEvent,
  type SQSEvent,
  startRequestedScan,
} from "../context.ts";
import { decideEvent, scanRegionsFor } from "../decide.ts";

/**
 * Commands and events the `vigil-events` topic pushes to the agent (its subscription's filter
 * policy lets through only what it acts on): each parsed, deduplicated on its id, decided (pure)
 * and acted on; a malformed one goes to the agent's DLQ with the reason.
 */
export async function onTopicEvents(
  event: SNSEvent,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const ctx = context ?? DEFAULT_CONTEXT;
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

/** The same, from an SQS queue (the local stand-in; a deployed stack maps no queue to the agent). */
export async function onQueueEvents(
  event: SQSEvent,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const ctx = context ?? DEFAULT_CONTEXT;
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
    case "record-scanner-result": {
      const outcome = await ports.recordScannerResult(event as EventEnvelope);
      ports.log("info", "EBS scanner result", { id: event.id, ...outcome });
      // The region's EBS job waits on the queue: run it now rather than at the next heartbeat.
      if (outcome.kind === "recorded") run.started = true;
      return;
    }
    case "forward-to-platform": {
      const via = await ports.forwardToPlatform(event as EventEnvelope);
      ports.log("info", "updater fact relayed", { type: event.type, id: event.id, via });
      return;
    }
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
