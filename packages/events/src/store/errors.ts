import type { ExpectedVersion } from "./port.ts";

/** Base class of every error the event log raises, so callers can catch them as one family. */
export class EventStoreError extends Error {
  override readonly name: string = "EventStoreError";
}

/** Another writer got there first (or the stream is not where the caller thought it was). */
export class ExpectedVersionConflictError extends EventStoreError {
  override readonly name = "ExpectedVersionConflictError";
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | undefined,
  ) {
    const want = expected === "no_stream" ? "no stream" : `version ${String(expected)}`;
    const have = actual === undefined ? "a newer version" : actual === 0 ? "no stream" : `version ${actual}`;
    super(
      `stream "${streamId}": expected ${want} but found ${have}. Another writer appended first: ` +
        `re-read the stream, decide again on the new state, and retry with its current version.`,
    );
  }
}

/** An append that cannot be written atomically in one DynamoDB transaction. */
export class AppendTooLargeError extends EventStoreError {
  override readonly name = "AppendTooLargeError";
  constructor(
    readonly streamId: string,
    readonly eventCount: number,
    readonly bytes: number,
    readonly limits: { maxEvents: number; maxBytes: number },
  ) {
    super(
      `stream "${streamId}": an append of ${eventCount} events (${bytes} bytes) exceeds one atomic transaction ` +
        `(at most ${limits.maxEvents} events and ${limits.maxBytes} bytes). Append in smaller batches, chaining ` +
        `expectedVersion (appendInBatches does this, giving up atomicity across batches).`,
    );
  }
}

/** One event too large to store, and no claim-check bucket configured to hold its payload. */
export class PayloadTooLargeError extends EventStoreError {
  override readonly name = "PayloadTooLargeError";
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(
      `event ${eventId} is ${bytes} bytes, above the ${maxBytes}-byte item limit, and the store has no ` +
        `claim-check bucket: configure claimCheck { s3, bucket } on the DynamoDB event store.`,
    );
  }
}

/** A claim-checked payload could not be fetched back intact. */
export class ClaimCheckError extends EventStoreError {
  override readonly name = "ClaimCheckError";
  constructor(
    readonly reference: { bucket: string; key: string },
    reason: string,
  ) {
    super(`claim-checked payload s3://${reference.bucket}/${reference.key}: ${reason}`);
  }
}

/** The caller passed something the log cannot store (no events, an envelope without an id, …). */
export class InvalidAppendError extends EventStoreError {
  override readonly name = "InvalidAppendError";
}
