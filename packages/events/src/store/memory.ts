import type { EventEnvelope } from "../envelope/envelope.ts";
import { ExpectedVersionConflictError } from "./errors.ts";
import {
  type AppendOptions,
  type AppendResult,
  DEFAULT_READ_ALL_LIMIT,
  type EventStore,
  positionOf,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
} from "./port.ts";
import { assertAppendable, assertExpectedVersion, matchRetry } from "./shared.ts";

interface StoredRow {
  streamId: string;
  version: number;
  recordedAt: string;
  position: string;
  /** Serialized like a real log, so readers never share objects with writers. */
  json: string;
  id: string;
}

export interface InMemoryEventStoreOptions {
  /** Clock for `recordedAt` (tests pin it); the store keeps it monotonic. */
  now?: () => Date;
}

/**
 * In-memory event log with the same semantics as the DynamoDB adapter. Appends are atomic
 * (no await between check and write), so readAll is ordered and complete the moment an append
 * returns: no settle window is needed.
 */
export class InMemoryEventStore implements EventStore {
  readonly #streams = new Map<string, StoredRow[]>();
  readonly #all: StoredRow[] = [];
  readonly #now: () => Date;
  #lastRecordedAt = "";

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected = options.expectedVersion ?? "any";
    assertExpectedVersion(expected);
    const rows = this.#streams.get(streamId) ?? [];
    const current = rows.length;
    const retryAt = (from: number) =>
      matchRetry(streamId, events, rows.slice(from - 1, from - 1 + events.length).map(toRecorded));

    if (expected === "any") {
      const retry = current >= events.length ? retryAt(current - events.length + 1) : undefined;
      if (retry) return retry;
    } else {
      const want = expected === "no_stream" ? 0 : expected;
      if (current !== want) {
        const retry = current >= want + events.length ? retryAt(want + 1) : undefined;
        if (retry) return retry;
        throw new ExpectedVersionConflictError(streamId, expected, current);
      }
    }

    let recordedAt = this.#now().toISOString();
    if (recordedAt < this.#lastRecordedAt) recordedAt = this.#lastRecordedAt;
    this.#lastRecordedAt = recordedAt;
    const written = events.map(
      (event, i): StoredRow => ({
        streamId,
        version: current + i + 1,
        recordedAt,
        position: positionOf(recordedAt, streamId, current + i + 1),
        json: JSON.stringify(event),
        id: event.id,
      }),
    );
    rows.push(...written);
    this.#streams.set(streamId, rows);
    for (const row of written) insertSorted(this.#all, row);
    return {
      streamId,
      firstVersion: current + 1,
      lastVersion: current + events.length,
      alreadyAppended: false,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const rows = this.#streams.get(streamId) ?? [];
    const from = Math.max(1, options.from ?? 1);
    const to = Math.min(rows.length, options.to ?? rows.length);
    const events: RecordedEvent[] = [];
    for (let v = from; v <= to; v++) {
      const row = rows[v - 1];
      if (row) events.push(toRecorded(row));
    }
    return { streamId, events, streamVersion: rows.length };
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    let start = 0;
    if (options.since !== undefined) {
      const since = options.since;
      start = upperBound(this.#all, since);
    }
    const slice = this.#all.slice(start, start + limit);
    const events = slice.map(toRecorded);
    return {
      events,
      position: events.at(-1)?.position ?? options.since,
      more: start + limit < this.#all.length,
    };
  }
}

function toRecorded(row: StoredRow): RecordedEvent {
  return {
    streamId: row.streamId,
    version: row.version,
    recordedAt: row.recordedAt,
    position: row.position,
    event: JSON.parse(row.json) as EventEnvelope,
  };
}

/** Index of the first row whose position is greater than `position`. */
function upperBound(rows: readonly StoredRow[], position: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.position ?? "") <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(rows: StoredRow[], row: StoredRow): void {
  // The clock is monotonic, so this is almost always a push.
  const last = rows.at(-1);
  if (!last || last.position <= row.position) {
    rows.push(row);
    return;
  }
  rows.splice(upperBound(rows, row.position), 0, row);
}
