import {
  type CommandDecision,
  type EventStore,
  handleCommand,
  parseEvent,
  type VigilEvent,
} from "@vigil/events";
import { factKey } from "./ingest/canonical.ts";
import { foldIntegrationLedger, type IntegrationLedger } from "./integrations/ledger.ts";

/** Stream layout of what the platform writes and ingests. */
export const streams = {
  integration: (integrationId: string) => `integration#${integrationId}`,
  /**
   * One reported fact per stream, keyed by its deduplication key (hash of source and id): writers
   * never contend, and a known id is found by its key. (Before: one stream per scan,
   * `scan#<id>:<scanId>`, and `agent#<id>`, which collapsed under concurrent agents.)
   */
  report: (integrationId: string, key: string) => `report#${integrationId}:${key}`,
  /** An organization integration: its registration, enrollment secrets and organization-wide scans. */
  organization: (organizationIntegrationId: string) => `organization#${organizationIntegrationId}`,
  /** Commands for one integration's agent, in the order they were given (delivered at its check-ins). */
  commands: (integrationId: string) => `commands#${integrationId}`,
  /** Hashes the platform recorded for one release (written once). */
  release: (version: string) => `release#${version}`,
};

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

/** An integration's stream as decisions need it: the ledger, and each recorded fact by its dedup key. */
export interface IntegrationState {
  ledger: IntegrationLedger | undefined;
  /** `source + "\n" + id` → `factKey` of the event recorded under it. */
  recorded: Map<string, string>;
}

export async function readIntegration(store: EventStore, integrationId: string): Promise<IntegrationState> {
  const { events, version } = await readTypedStream(store, streams.integration(integrationId));
  const ledger = foldIntegrationLedger(integrationId, events);
  if (ledger) ledger.version = version;
  const recorded = new Map<string, string>();
  for (const e of events) recorded.set(`${e.source}\n${e.id}`, factKey(e));
  return { ledger, recorded };
}

/**
 * A command on one integration, in Emmett's shape (`handleCommand` of `@vigil/events`): read its
 * stream → fold the ledger → decide (pure; throw a `PlatformError` to refuse) → append at the
 * version read. A concurrent writer makes it read and decide again after a jittered backoff, so a
 * decision never lands on a state it did not see (a token exchanged twice at once: the second
 * decides on the first's credential and is refused as used).
 */
export async function integrationCommand<T>(
  store: EventStore,
  integrationId: string,
  decide: (ledger: IntegrationLedger | undefined) => CommandDecision<T>,
): Promise<T> {
  const outcome = await handleCommand(
    store,
    streams.integration(integrationId),
    { initial: () => [] as VigilEvent[], evolve: (events, recorded) => appendParsed(events, recorded.event) },
    (events, { version }) => {
      const ledger = foldIntegrationLedger(integrationId, events);
      if (ledger) ledger.version = version;
      return decide(ledger);
    },
  );
  return outcome.result;
}

function appendParsed(events: VigilEvent[], raw: unknown): VigilEvent[] {
  const parsed = parseEvent(raw);
  if (parsed.ok) events.push(parsed.event);
  return events;
}
