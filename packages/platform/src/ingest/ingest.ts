import { createHash } from "node:crypto";
import {
  AppendTooLargeError,
  type AtomicEventStore,
  MultiStreamConflictError,
  PayloadTooLargeError,
  type RecordedEvent,
  retryOnConflict,
  type StreamWrite,
  type VigilEvent,
} from "@vigil/events";
import { type IntegrationState, readIntegration, streams } from "../event-log.ts";
import { badRequest, conflict, PlatformError } from "../http/errors.ts";
import { type BatchIssue, decideAgentKey, decideReportBatch } from "../integrations/decide.ts";
import { LIFECYCLE_REPORTS } from "./agent-events.ts";
import { factKey } from "./canonical.ts";

/**
 * Report ingest, atomic per request.
 *
 * Stream design: every reported fact is its own stream, `report#<integration>:<sha256(source, id)>`
 * (the CloudEvents deduplication key), written with `no_stream`; only the stack's lifecycle facts go
 * to the integration's stream, where the platform's decisions read them, at the version the
 * decision read. So writers never contend for a stream (30 agents reporting at once touch
 * disjoint streams), the event's id is its stream's key (a retry finds it, a changed event under
 * the same id is told apart), and the whole request is one atomic `appendToStreams` — one
 * DynamoDB transaction: at most 100 items (one per event, plus the integration stream's version
 * check) and 4 MB. A request that does not fit is refused whole (413) before anything is written;
 * the agent sends at most 100 events a request.
 *
 * Per event already recorded: identical → a duplicate (accepted, not written again); different →
 * 409 `event_id_conflict` naming the ids, nothing written. Lost races on the integration stream are
 * re-read, re-decided and retried with jittered backoff (`retryOnConflict`).
 */
export interface IngestOutcome {
  accepted: number;
  recorded: number;
  duplicates: number;
}

export function reportStreamOf(event: Pick<VigilEvent, "integrationid" | "source" | "id">): string {
  const key = createHash("sha256").update(`${event.source}\n${event.id}`).digest("hex").slice(0, 40);
  return streams.report(event.integrationid, key);
}

/** Stream of an event an agent reports. */
export function streamOfReport(event: VigilEvent): string {
  return LIFECYCLE_REPORTS.has(event.type) ? streams.integration(event.integrationid) : reportStreamOf(event);
}

const dedupKey = (e: { source: string; id: string }) => `${e.source}\n${e.id}`;

function idConflict(ids: readonly string[]): PlatformError {
  return conflict(
    "event_id_conflict",
    `Event id${ids.length > 1 ? "s" : ""} ${ids.join(", ")} ${ids.length > 1 ? "are" : "is"} already recorded with different content; an event never changes once recorded. Send the new fact under a new id. Nothing of this request was recorded.`,
  );
}

/** Events of the request the decision refused: 400, nothing recorded. */
export function refusedBatch(issues: readonly BatchIssue[], total: number): PlatformError {
  return badRequest(
    "event_refused",
    `${issues.length} of ${total} events were refused and none was recorded: ${issues
      .slice(0, 5)
      .map((i) => `events[${i.index}]: ${i.message}`)
      .join(" ")} Fix them and resend the whole batch.`,
    { issues },
  );
}

/** Refusal of a request that cannot be one transaction. */
export function tooLarge(error: AppendTooLargeError | PayloadTooLargeError, events: number): PlatformError {
  const message =
    error instanceof AppendTooLargeError
      ? `These ${events} events do not fit one atomic write (at most ${error.limits.maxEvents} events here and ${error.limits.maxBytes} bytes); nothing was recorded. Send at most 100 events a request.`
      : `Event ${error.eventId} is ${error.bytes} bytes, too large to store even by claim check; nothing was recorded.`;
  return new PlatformError(413, "batch_too_large", message);
}

/**
 * Record what one agent request reports, whole or not at all. `events` were validated
 * (`parseEvent`) and must all be agent-emittable facts of `integrationId`; the key is checked
 * again against the ledger read for the write.
 */
export async function ingestAgentEvents(
  store: AtomicEventStore,
  integrationId: string,
  keyId: string | undefined,
  events: readonly VigilEvent[],
  /** The integration as the caller just read it (saves the first read). */
  read?: IntegrationState,
): Promise<IngestOutcome> {
  // Within the request: one id, one content.
  const firstByKey = new Map<string, VigilEvent>();
  const clashes: string[] = [];
  const unique: VigilEvent[] = [];
  for (const e of events) {
    const seen = firstByKey.get(dedupKey(e));
    if (!seen) {
      firstByKey.set(dedupKey(e), e);
      unique.push(e);
    } else if (factKey(seen) !== factKey(e)) clashes.push(e.id);
  }
  if (clashes.length > 0) throw idConflict(clashes);

  return retryOnConflict(async (attempt) => {
    const { ledger, recorded } = attempt === 0 && read ? read : await readIntegration(store, integrationId);
    // The key and the batch are decided again on the state this write is conditioned on.
    if (keyId !== undefined) {
      const key = decideAgentKey(ledger, keyId);
      if (!key.ok) throw key.error;
    }
    if (!ledger) throw new PlatformError(404, "integration_not_found", `No integration ${integrationId}.`);
    const issues = decideReportBatch(ledger, unique);
    if (issues.length > 0) throw refusedBatch(issues, events.length);

    let duplicates = events.length - unique.length;
    const lifecycle: VigilEvent[] = [];
    const changed: string[] = [];
    let reports: VigilEvent[] = [];
    for (const e of unique) {
      if (!LIFECYCLE_REPORTS.has(e.type)) {
        reports.push(e);
        continue;
      }
      const existing = recorded.get(dedupKey(e));
      if (existing === undefined) lifecycle.push(e);
      else if (existing === factKey(e)) duplicates++;
      else changed.push(e.id);
    }
    if (changed.length > 0) throw idConflict(changed);

    // Report streams already holding an event: resolved and written again without them.
    for (let round = 0; ; round++) {
      const writes: StreamWrite[] = reports.map((e) => ({
        streamId: reportStreamOf(e),
        events: [e],
        expectedVersion: "no_stream",
      }));
      if (lifecycle.length > 0) {
        writes.push({
          streamId: streams.integration(integrationId),
          events: lifecycle,
          expectedVersion: ledger.version,
        });
      }
      if (writes.length === 0) return { accepted: events.length, recorded: 0, duplicates };
      try {
        await store.appendToStreams(writes);
        return { accepted: events.length, recorded: reports.length + lifecycle.length, duplicates };
      } catch (error) {
        if (error instanceof AppendTooLargeError || error instanceof PayloadTooLargeError)
          throw tooLarge(error, events.length);
        if (!(error instanceof MultiStreamConflictError)) throw error;
        const taken = new Set(error.conflicts.map((c) => c.streamId));
        const integrationMoved = taken.delete(streams.integration(integrationId));
        if (taken.size === 0 || round > events.length) throw error; // the integration moved: decide again
        const resolved = await Promise.all(
          reports
            .filter((e) => taken.has(reportStreamOf(e)))
            .map(async (e) => ({ e, stored: (await store.readStream(reportStreamOf(e))).events[0] })),
        );
        const different = resolved.filter(({ e, stored }) => !sameFact(stored, e)).map(({ e }) => e.id);
        if (different.length > 0) throw idConflict(different);
        duplicates += resolved.length;
        const known = new Set(resolved.map(({ e }) => e));
        reports = reports.filter((e) => !known.has(e));
        if (integrationMoved) throw error;
      }
    }
  });
}

function sameFact(stored: RecordedEvent | undefined, event: VigilEvent): boolean {
  return stored !== undefined && factKey(stored.event) === factKey(event);
}
