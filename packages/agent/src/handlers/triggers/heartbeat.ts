import type { LambdaContextLike } from "../../lifecycle/custom-resource-event.ts";
import {
  type AgentHandlerDeps,
  type AgentResult,
  DEFAULT_CONTEXT,
  describeError,
  drain,
  NO_DRAIN,
} from "../context.ts";
import { shouldDrain } from "../decide.ts";

/**
 * The heartbeat schedule (every 10 minutes): check in with the platform, then drain the job queue
 * when it holds anything, so a scan's delayed and re-queued jobs run.
 */
export async function onHeartbeat(
  _event: unknown,
  context: LambdaContextLike | undefined,
  deps: AgentHandlerDeps,
): Promise<AgentResult> {
  const ctx = context ?? DEFAULT_CONTEXT;
  const ports = await deps.ports();
  let heartbeat: "sent" | "not-configured" | "failed" = "not-configured";
  let commands = 0;
  if (ports.checkIn) {
    try {
      // The platform's commands it answers with are put on the events topic, whose pushes run them.
      commands = await ports.checkIn();
      heartbeat = "sent";
    } catch (error) {
      // The platform being down must not stop the scan jobs from draining.
      heartbeat = "failed";
      ports.log("warn", "heartbeat failed", { error: describeError(error) });
    }
  }
  const pending = await ports.pendingJobs();
  const total = pending.visible + pending.delayed + pending.inFlight;
  return {
    heartbeat,
    commands,
    pendingJobs: total,
    drained: shouldDrain(pending) ? await drain(ports, ctx) : NO_DRAIN,
  };
}
