import { createEvent } from "@vigil/events";
import type { LambdaContextLike } from "../../lifecycle/custom-resource-event.ts";
import {
  type AgentHandlerDeps,
  type AgentResult,
  DEFAULT_CONTEXT,
  drain,
  requestedEventId,
  startRequestedScan,
} from "../context.ts";

/** The scan schedule: a full scan requested by the schedule, its jobs queued, then drained. */
export async function onScanSchedule(
  _event: unknown,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const ctx = context ?? DEFAULT_CONTEXT;
  const ports = await deps.ports();
  const scanId = deps.newScanId(new Date(ports.now()));
  const requested = createEvent(
    "vigil.scan.requested.v1",
    { scanId, trigger: "schedule", requestedBy: "schedule" },
    {
      source: ports.source,
      integrationId: ports.integrationId,
      id: requestedEventId(scanId),
      correlationId: scanId,
      time: new Date(ports.now()),
    },
  );
  const { queued } = await startRequestedScan(requested, ports);
  return { scanId, queued, drained: await drain(ports, ctx) };
}
