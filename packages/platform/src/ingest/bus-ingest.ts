import { type AtomicEventStore, type EventHandler, EventRejectedError } from "@vigil/events";
import { PlatformError } from "../http/errors.ts";
import { ingestAgentEvents } from "./ingest.ts";

/**
 * The platform's consumer of the event bus: what an agent publishes on its topic arrives on the
 * platform's queue and is recorded by the same ingest as the signed HTTP path (known integration,
 * its own account, an event type agents emit, one id one content). An event that fails them can
 * never succeed, so it is rejected to the dead-letter queue with the reason, not retried.
 * Recording is idempotent on the event id, so redeliveries are harmless; the views catch up from
 * the log when read.
 */
export function busIngest(store: AtomicEventStore): EventHandler {
  return async (event) => {
    try {
      await ingestAgentEvents(store, event.integrationid, undefined, [event]);
    } catch (error) {
      if (error instanceof PlatformError && error.status < 500) {
        const details = error.details as { issues?: { code: string; message: string }[] } | undefined;
        const issue = details?.issues?.[0];
        throw new EventRejectedError(
          error.code === "integration_not_found"
            ? `integration ${event.integrationid} is not registered with this platform; create it (POST /admin/integrations) before its agent reports`
            : issue
              ? `${issue.code}: ${issue.message}`
              : `${error.code}: ${error.message}`,
        );
      }
      throw error;
    }
  };
}
