import { type EventStore, parseEvent, type VigilEvent } from "@vigil/events";

/** Stream layout of what the platform writes and ingests. */
export const streams = {
  integration: (integrationId: string) => `integration#${integrationId}`,
  /** Scan ids are the agent's; prefixing the integration keeps two accounts' scans apart. */
  scan: (integrationId: string, scanId: string) => `scan#${integrationId}:${scanId}`,
  /** Agent reports that belong to no scan: heartbeats, counts without a scan, updates, EBS scans. */
  agent: (integrationId: string) => `agent#${integrationId}`,
  /** Hashes the platform recorded for one release (written once). */
  release: (version: string) => `release#${version}`,
};

/** Lifecycle facts an agent reports: kept in the integration's stream, where decisions read them. */
const LIFECYCLE_REPORTS: ReadonlySet<string> = new Set([
  "vigil.integration.stack-created.v1",
  "vigil.integration.stack-updated.v1",
  "vigil.integration.delete-requested.v1",
  "vigil.integration.resources-cleaned-up.v1",
  "vigil.integration.deleted.v1",
]);

/** Where an event an agent reports is stored: its scan's stream when it has one. */
export function streamOfReport(event: VigilEvent): string {
  const data = event.data as { scanId?: unknown };
  if (typeof data.scanId === "string") return streams.scan(event.integrationid, data.scanId);
  if (LIFECYCLE_REPORTS.has(event.type)) return streams.integration(event.integrationid);
  return streams.agent(event.integrationid);
}

/** Read a stream as typed events (upcast to current versions) with its version. */
export async function readTypedStream(
  store: EventStore,
  streamId: string,
): Promise<{ events: VigilEvent[]; version: number }> {
  const result = await store.readStream(streamId);
  const events: VigilEvent[] = [];
  for (const recorded of result.events) {
    const parsed = parseEvent(recorded.event);
    // The platform validated everything it appended; an event it cannot read is from a newer
    // writer and is skipped here rather than failing every request on this integration.
    if (parsed.ok) events.push(parsed.event);
  }
  return { events, version: result.streamVersion };
}

/** One append per stream; events already in a stream (agent retries, redeliveries) are not written twice. */
export async function appendReports(store: EventStore, events: readonly VigilEvent[]): Promise<void> {
  const byStream = new Map<string, VigilEvent[]>();
  for (const event of events) {
    const streamId = streamOfReport(event);
    byStream.set(streamId, [...(byStream.get(streamId) ?? []), event]);
  }
  for (const [streamId, batch] of byStream) {
    await store.appendToStream(streamId, batch, { expectedVersion: "any" });
  }
}
