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

/**
 * An append that cannot be written atomically in one DynamoDB transaction: more events than one
 * TransactWriteItems holds (100 on a new stream, 99 on an existing one, whose previous version is
 * checked in the same transaction) or more than 4 MB of items. Every adapter refuses the same.
 */
export class AppendTooLargeError extends EventStoreError {
  override readonly name = "AppendTooLargeError";
  constructor(
    readonly streamId: string,
    readonly eventCount: number,
    readonly bytes: number,
    readonly limits: { maxEvents: number; maxBytes: number; existingStream?: boolean },
  ) {
    const tooMany = eventCount > limits.maxEvents;
    const tooBig = bytes > limits.maxBytes;
    const what = [
      tooMany ? `${eventCount} events, above ${limits.maxEvents}` : "",
      tooBig ? `${bytes} bytes, above ${limits.maxBytes}` : "",
    ]
      .filter(Boolean)
      .join(", and ");
    const where =
      limits.existingStream === undefined
        ? ""
        : limits.existingStream
          ? " on an existing stream (100 items per transaction, one of them the check on the previous version)"
          : " on a new stream";
    super(
      `stream "${streamId}": an append of ${eventCount} events (${bytes} bytes) exceeds one atomic transaction ` +
        `(${what}; at most ${limits.maxEvents} events${where} and ${limits.maxBytes} bytes). Split it with ` +
        `planAppends(streamId, events, { expectedVersion }) and append the chunks in order, chaining ` +
        `expectedVersion (appendInBatches does this, giving up atomicity across batches).`,
    );
  }
}

/**
 * One event too large to store: above the claim-check threshold with no claim-check bucket
 * configured, or (`claimChecked`) still above it with its `data` moved out.
 */
export class PayloadTooLargeError extends EventStoreError {
  override readonly name = "PayloadTooLargeError";
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly maxBytes: number,
    readonly details: { claimChecked?: boolean } = {},
  ) {
    super(
      details.claimChecked
        ? `event ${eventId}: even with its data claim-checked, the rest of its envelope is ${bytes} bytes, ` +
            `above the ${maxBytes}-byte limit for a stored event (DynamoDB items hold 400 KB): keep large ` +
            `content in data, not in envelope attributes.`
        : `event ${eventId} is ${bytes} bytes serialized, above the ${maxBytes}-byte limit for an event ` +
            `stored inline (DynamoDB items hold 400 KB), and the store has no claim-check bucket: configure ` +
            `claimCheck on the event store (DynamoDB: { s3, bucket }; in-memory: {}) to put its data in S3, ` +
            `or split the payload across several smaller events.`,
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
