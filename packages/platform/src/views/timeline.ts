import type { EventStore, VigilEvent } from "@vigil/events";
import { readTypedStream, streams } from "../event-log.ts";

/**
 * An integration's lifecycle, read from its own stream in the log (never truncated, so the history
 * of every installation, deletion and re-installation stays visible).
 */
export interface TimelineEntry {
  version: number;
  id: string;
  type: string;
  time: string;
  summary: string;
}

export async function integrationTimeline(
  store: EventStore,
  integrationId: string,
): Promise<TimelineEntry[]> {
  const { events } = await readTypedStream(store, streams.integration(integrationId));
  return events.map((event, i) => ({
    version: i + 1,
    id: event.id,
    type: event.type,
    time: event.time,
    summary: summarize(event),
  }));
}

export function summarize(event: VigilEvent): string {
  switch (event.type) {
    case "vigil.integration.registration-requested.v1":
      return `registration token issued for account ${event.data.accountId}${
        event.data.registrationTokenExpiresAt ? `, valid until ${event.data.registrationTokenExpiresAt}` : ""
      }`;
    case "vigil.integration.credentials-issued.v1":
      return `service credentials issued (${event.data.parameterName})`;
    case "vigil.integration.credentials-revoked.v1":
      return `service credentials revoked${event.data.reason ? `: ${event.data.reason}` : ""}`;
    case "vigil.integration.stack-created.v1":
      return `stack ${event.data.stack.stackName} ${event.data.stack.templateVersion} created in ${event.data.stack.region}`;
    case "vigil.integration.stack-updated.v1":
      return `stack updated to ${event.data.stack.templateVersion}`;
    case "vigil.integration.delete-requested.v1":
      return `deletion requested by ${event.data.requestedBy}${event.data.reason ? `: ${event.data.reason}` : ""}`;
    case "vigil.integration.resources-cleaned-up.v1": {
      const removed = Object.entries(event.data.removed)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(", ");
      return `cleaned up ${removed || "nothing"}${
        event.data.failures.length > 0 ? `; ${event.data.failures.length} could not be deleted` : ""
      }`;
    }
    case "vigil.integration.deleted.v1":
      return `integration deleted at ${event.data.deletedAt}`;
    default:
      return "";
  }
}
