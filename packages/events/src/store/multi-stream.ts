import type { EventEnvelope } from "../envelope/envelope.ts";
import { AppendTooLargeError, EventStoreError, InvalidAppendError } from "./errors.ts";
import { EVENT_STORE_LIMITS, previousVersionCheckBytes, transactionBytesOf } from "./limits.ts";
import type { AppendResult, EventStore } from "./port.ts";
import { assertAppendable, assertExpectedVersion } from "./shared.ts";

/**
 * One stream's part of an atomic append across streams. The expected version is exact (a number
 * the caller read, or `"no_stream"`): an atomic multi-stream write is a decision taken on what was
 * read, so `"any"` has no place here.
 */
export interface StreamWrite {
  streamId: string;
  events: readonly EventEnvelope[];
  expectedVersion: number | "no_stream";
}

/**
 * An event log that can append to several streams in one atomic write (DynamoDB: one
 * TransactWriteItems). Either every stream gets its events or none does.
 */
export interface MultiStreamAppender {
  /**
   * Append every write or none. Throws `MultiStreamConflictError` (nothing written) when any
   * stream is not at its expected version, `AppendTooLargeError` when the whole does not fit one
   * transaction (`assertWritesFit`), `PayloadTooLargeError` for an event too large to store.
   * Results are in the order of `writes`.
   */
  appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]>;
}

export type AtomicEventStore = EventStore & MultiStreamAppender;

export function isMultiStreamAppender(store: EventStore): store is AtomicEventStore {
  return typeof (store as Partial<MultiStreamAppender>).appendToStreams === "function";
}

/** Streams of an atomic append that were not at their expected version; nothing was written. */
export class MultiStreamConflictError extends EventStoreError {
  override readonly name = "MultiStreamConflictError";
  constructor(
    readonly conflicts: readonly { streamId: string; expected: number | "no_stream"; actual: number }[],
  ) {
    super(
      `atomic append refused, nothing written: ${conflicts
        .map(
          (c) =>
            `stream "${c.streamId}" expected ${c.expected === "no_stream" ? "no stream" : `version ${c.expected}`} but is at ${c.actual === 0 ? "no stream" : `version ${c.actual}`}`,
        )
        .join("; ")}. Re-read those streams, decide again, and retry.`,
    );
  }
}

/** Checks every adapter makes on an atomic multi-stream append before writing. */
export function assertWritesAppendable(writes: readonly StreamWrite[]): void {
  if (writes.length === 0) throw new InvalidAppendError("appendToStreams: nothing to append (0 streams)");
  const seen = new Set<string>();
  for (const w of writes) {
    assertAppendable(w.streamId, w.events);
    assertExpectedVersion(w.expectedVersion);
    if (seen.has(w.streamId)) {
      throw new InvalidAppendError(
        `appendToStreams: stream "${w.streamId}" appears twice; put all its events in one write`,
      );
    }
    seen.add(w.streamId);
  }
}

/** The version an exact expected version says a stream is at. */
export function baseOf(expected: number | "no_stream"): number {
  return expected === "no_stream" ? 0 : expected;
}

/**
 * The transaction rule for a multi-stream append, the same as one stream's: at most
 * `transactionItems` items (every event, plus one check per existing stream) and
 * `transactionBytes` bytes. `itemBytes[i][j]` is the stored size of write i's event j.
 */
export function assertWritesFit(
  writes: readonly StreamWrite[],
  itemBytes: readonly (readonly number[])[],
): void {
  let items = 0;
  let bytes = 0;
  writes.forEach((w, i) => {
    const base = baseOf(w.expectedVersion);
    items += w.events.length + (base > 0 ? 1 : 0);
    if (base > 0) bytes += previousVersionCheckBytes(w.streamId, base);
    for (const b of itemBytes[i] ?? []) bytes += transactionBytesOf(b);
  });
  if (items > EVENT_STORE_LIMITS.transactionItems || bytes > EVENT_STORE_LIMITS.transactionBytes) {
    const events = writes.reduce((n, w) => n + w.events.length, 0);
    const checks = items - events;
    throw new AppendTooLargeError(`${writes.length} streams`, events, bytes, {
      maxEvents: EVENT_STORE_LIMITS.transactionItems - checks,
      maxBytes: EVENT_STORE_LIMITS.transactionBytes,
    });
  }
}

/** How many items an atomic append of these writes takes in one transaction. */
export function transactionItemsOf(
  writes: readonly Pick<StreamWrite, "events" | "expectedVersion">[],
): number {
  return writes.reduce((n, w) => n + w.events.length + (baseOf(w.expectedVersion) > 0 ? 1 : 0), 0);
}
