import { type EventHandler, EventRejectedError, type EventStore } from "@vigil/events";
import { appendReports, readTypedStream, streams } from "../event-log.ts";
import { decideReportBatch } from "../integrations/decide.ts";
import { foldIntegrationLedger } from "../integrations/ledger.ts";

/**
 * The platform's consumer of the event bus: what an agent publishes on its topic arrives on the
 * platform's queue and is appended to the log after the same checks the signed HTTP ingest makes
 * (known integration, its own account, an event type agents may report). An event that fails them
 * can never succeed, so it is rejected to the dead-letter queue with the reason, not retried.
 * Appends are idempotent on the event id, so redeliveries are harmless; the views catch up from
 * the log when read.
 */
export function busIngest(store: EventStore): EventHandler {
  return async (event) => {
    const { events } = await readTypedStream(store, streams.integration(event.integrationid));
    const ledger = foldIntegrationLedger(event.integrationid, events);
    if (!ledger) {
      throw new EventRejectedError(
        `integration ${event.integrationid} is not registered with this platform; create it (POST /admin/integrations) before its agent reports`,
      );
    }
    const [issue] = decideReportBatch(ledger, [event]);
    if (issue) throw new EventRejectedError(`${issue.code}: ${issue.message}`);
    await appendReports(store, [event]);
  };
}
