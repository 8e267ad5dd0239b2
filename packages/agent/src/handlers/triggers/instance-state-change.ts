import { createEvent } from "@vigil/events";
import type { LambdaContextLike } from "../../lifecycle/custom-resource-event.ts";
import { parseInstanceStateChange } from "../../scheduler/debounce.ts";
import { type AgentHandlerDeps, type AgentResult, requestedEventId } from "../context.ts";
import { decideRescan } from "../decide.ts";

/**
 * An EC2 instance changed state (the EventBridge rule's pattern): a rescan of that instance,
 * debounced with an SQS delay so a burst of changes runs it once.
 */
export async function onInstanceStateChange(
  event: unknown,
  _context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
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
      // The same for every change of the window: the request's id is the window's, so its content
      // must be too (the platform refuses a known id with other content).
      requestedBy: `aws.ec2:${decision.instanceId}`,
    },
    {
      source: ports.source,
      integrationId: ports.integrationId,
      id: requestedEventId(decision.scanId),
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
