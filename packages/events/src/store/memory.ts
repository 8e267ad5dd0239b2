import type { EventEnvelope } from "../envelope/envelope.ts";
import { ClaimCheckError, ExpectedVersionConflictError } from "./errors.ts";
import {
  assertAppendFits,
  type ClaimRef,
  claimCheckKey,
  type StoredBody,
  sha256Hex,
  storedBodyOf,
  storedItemAttributes,
  storedItemBytes,
} from "./limits.ts";
import {
  assertWritesAppendable,
  assertWritesFit,
  baseOf,
  type MultiStreamAppender,
  MultiStreamConflictError,
  type StreamWrite,
} from "./multi-stream.ts";
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
  /** Serialized like a real log, so readers never share objects with writers (without `data` when claim-checked). */
  json: string;
  id: string;
  /** Where a claim-checked `data` is (in `claimCheck.objects`). */
  ref?: ClaimRef;
}

export interface InMemoryEventStoreOptions {
  /** Clock for `recordedAt` (tests pin it); the store keeps it monotonic. */
  now?: () => Date;
  /**
   * The stand-in for the DynamoDB adapter's S3 claim check: events above the claim-check
   * threshold have their `data` kept in `objects` (keyed like the S3 objects, SHA-256 checked on
   * read). Without it such events are refused with `PayloadTooLargeError`, as DynamoDB does
   * without a bucket — which is how the agent and the platform are deployed.
   */
  claimCheck?: { bucket?: string; prefix?: string; objects?: Map<string, string> };
}

/**
 * In-memory event log with the same semantics as the DynamoDB adapter, limits included: it
 * refuses what one DynamoDB transaction cannot hold (`EVENT_STORE_LIMITS`, `AppendTooLargeError`)
 * and events too large for an item (`PayloadTooLargeError`, or the claim check when configured).
 * Appends are atomic (no await between check and write), so readAll is ordered and complete the
 * moment an append returns: no settle window is needed.
 */
export class InMemoryEventStore implements EventStore, MultiStreamAppender {
  readonly #streams = new Map<string, StoredRow[]>();
  readonly #all: StoredRow[] = [];
  readonly #now: () => Date;
  readonly #claim: { bucket: string; prefix: string; objects: Map<string, string> } | undefined;
  #lastRecordedAt = "";

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#claim = options.claimCheck
      ? {
          bucket: options.claimCheck.bucket ?? "in-memory",
          prefix: options.claimCheck.prefix ?? "event-payloads/",
          objects: options.claimCheck.objects ?? new Map(),
        }
      : undefined;
  }

  async appendToStream(
    streamId: string,
    events: readonly EventEnvelope[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected = options.expectedVersion ?? "any";
    assertExpectedVersion(expected);
    // Checked in the DynamoDB adapter's order, so both refuse the same appends with the same errors.
    const claim = this.#claim;
    const bodies = events.map((e) => storedBodyOf(e, claim !== undefined));
    const rows = this.#streams.get(streamId) ?? [];
    const current = rows.length;
    const retryAt = (from: number) =>
      matchRetry(
        streamId,
        events,
        rows
          .slice(from - 1, from - 1 + events.length)
          .map((r) => ({ version: r.version, event: { id: r.id } })),
      );

    let base: number;
    if (expected === "any") {
      const retry = current >= events.length ? retryAt(current - events.length + 1) : undefined;
      if (retry) return retry;
      base = current;
    } else {
      base = expected === "no_stream" ? 0 : expected;
    }

    const recordedAt = this.#recordedAt();
    const written = this.#rows(streamId, base, recordedAt, events, bodies);
    assertAppendFits(
      streamId,
      base,
      written.map((w) => w.bytes),
    );
    if (current !== base) {
      const retry = current >= base + events.length ? retryAt(base + 1) : undefined;
      if (retry) return retry;
      throw new ExpectedVersionConflictError(streamId, expected, current);
    }

    this.#commit(streamId, recordedAt, written);
    return {
      streamId,
      firstVersion: current + 1,
      lastVersion: current + events.length,
      alreadyAppended: false,
    };
  }

  async appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    assertWritesAppendable(writes);
    const recordedAt = this.#recordedAt();
    // Sized and checked as one DynamoDB transaction, before anything is written.
    const prepared = writes.map((w) => {
      const bodies = w.events.map((e) => storedBodyOf(e, this.#claim !== undefined));
      return this.#rows(w.streamId, baseOf(w.expectedVersion), recordedAt, w.events, bodies);
    });
    assertWritesFit(
      writes,
      prepared.map((rows) => rows.map((r) => r.bytes)),
    );
    const conflicts = writes.flatMap((w) => {
      const actual = this.#streams.get(w.streamId)?.length ?? 0;
      return actual === baseOf(w.expectedVersion)
        ? []
        : [{ streamId: w.streamId, expected: w.expectedVersion, actual }];
    });
    if (conflicts.length > 0) throw new MultiStreamConflictError(conflicts);
    return writes.map((w, i) => {
      this.#commit(w.streamId, recordedAt, prepared[i] ?? []);
      const base = baseOf(w.expectedVersion);
      return {
        streamId: w.streamId,
        firstVersion: base + 1,
        lastVersion: base + w.events.length,
        alreadyAppended: false,
      };
    });
  }

  #recordedAt(): string {
    const now = this.#now().toISOString();
    // ISO strings: the later one, so the store's clock never goes back.
    if (now < this.#lastRecordedAt) return this.#lastRecordedAt;
    return now;
  }

  #rows(
    streamId: string,
    base: number,
    recordedAt: string,
    events: readonly EventEnvelope[],
    bodies: readonly StoredBody[],
  ): { row: StoredRow; bytes: number; data: string | undefined }[] {
    const claim = this.#claim;
    return bodies.map((body, i) => {
      const event = events[i] as EventEnvelope;
      const version = base + i + 1;
      const ref: ClaimRef | undefined =
        body.claim && claim
          ? {
              bucket: claim.bucket,
              key: claimCheckKey(claim.prefix, streamId, event.id),
              sha256: body.claim.sha256,
              bytes: body.claim.bytes,
            }
          : undefined;
      const attributes = storedItemAttributes({
        streamId,
        version,
        recordedAt,
        id: event.id,
        type: event.type,
        json: body.json,
        ...(ref ? { dataRef: JSON.stringify(ref) } : {}),
      });
      const row: StoredRow = {
        streamId,
        version,
        recordedAt,
        position: positionOf(recordedAt, streamId, version),
        json: body.json,
        id: event.id,
        ...(ref ? { ref } : {}),
      };
      return { row, bytes: storedItemBytes(attributes), data: body.claim?.data };
    });
  }

  #commit(
    streamId: string,
    recordedAt: string,
    written: readonly { row: StoredRow; data: string | undefined }[],
  ): void {
    const rows = this.#streams.get(streamId) ?? [];
    this.#lastRecordedAt = recordedAt;
    for (const { row, data } of written) {
      if (row.ref && data !== undefined) this.#claim?.objects.set(row.ref.key, data);
      rows.push(row);
      insertSorted(this.#all, row);
    }
    this.#streams.set(streamId, rows);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const rows = this.#streams.get(streamId) ?? [];
    const from = Math.max(1, options.from ?? 1);
    const to = Math.min(rows.length, options.to ?? rows.length);
    const events: RecordedEvent[] = [];
    for (let v = from; v <= to; v++) {
      const row = rows[v - 1];
      if (row) events.push(this.#toRecorded(row));
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
    const events = slice.map((row) => this.#toRecorded(row));
    return {
      events,
      position: events.at(-1)?.position ?? options.since,
      more: start + limit < this.#all.length,
    };
  }

  #toRecorded(row: StoredRow): RecordedEvent {
    const event = JSON.parse(row.json) as EventEnvelope;
    if (row.ref) event.data = this.#fetchClaim(row.ref);
    return {
      streamId: row.streamId,
      version: row.version,
      recordedAt: row.recordedAt,
      position: row.position,
      event,
    };
  }

  /** As the DynamoDB adapter reads S3: the object must be there and match its recorded SHA-256. */
  #fetchClaim(ref: ClaimRef): unknown {
    const body = this.#claim?.objects.get(ref.key);
    if (body === undefined) throw new ClaimCheckError(ref, "could not be read (no such object)");
    if (sha256Hex(body) !== ref.sha256) {
      throw new ClaimCheckError(
        ref,
        "content does not match the SHA-256 recorded in the log (modified or truncated)",
      );
    }
    return JSON.parse(body);
  }
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
