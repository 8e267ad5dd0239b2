/** Base class of every error the bus raises, so callers can catch them as one family. */
export class BusError extends Error {
  override readonly name: string = "BusError";
}

/** Some messages could not be published after retries; the rest were. */
export class PublishFailedError extends BusError {
  override readonly name = "PublishFailedError";
  constructor(readonly failures: ReadonlyArray<{ eventId: string; code: string; message: string }>) {
    super(
      `${failures.length} event(s) were not published: ${failures
        .slice(0, 5)
        .map((f) => `${f.eventId} (${f.code}: ${f.message})`)
        .join(
          "; ",
        )}${failures.length > 5 ? "; …" : ""}. Publishing again with the same events is safe: consumers deduplicate on the event id.`,
    );
  }
}

/** A single message that cannot fit SNS's 256 KB limit even after the claim check. */
export class MessageTooLargeError extends BusError {
  override readonly name = "MessageTooLargeError";
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(
      `event ${eventId} is ${bytes} bytes as a message, above the ${maxBytes}-byte SNS limit: configure a payload store (S3 claim check) on the bus`,
    );
  }
}

/** A claim-checked payload could not be read back intact. */
export class MessageClaimCheckError extends BusError {
  override readonly name = "MessageClaimCheckError";
  constructor(
    readonly reference: { bucket: string; key: string },
    reason: string,
    /** False when retrying cannot help (tampered content): the message goes to the dead-letter queue. */
    readonly retryable: boolean,
  ) {
    super(`claim-checked message payload s3://${reference.bucket}/${reference.key}: ${reason}`);
  }
}

/**
 * What a failed `GetQueueUrl` means: missing only when SQS says so (JSON protocol `QueueDoesNotExist`,
 * query protocol's legacy code); anything else is a lookup that failed.
 */
export function queueLookupFailure(queueName: string, error: unknown): QueueNotFoundError | QueueLookupError {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "QueueDoesNotExist" || name === "AWS.SimpleQueueService.NonExistentQueue"
    ? new QueueNotFoundError(queueName, error)
    : new QueueLookupError(queueName, error);
}

/**
 * Resolving a queue's name failed for another reason (unreachable endpoint, denied, throttled):
 * whether the queue exists is not known, so it is never reported as missing.
 */
export class QueueLookupError extends BusError {
  override readonly name = "QueueLookupError";
  constructor(
    readonly queueName: string,
    cause: unknown,
  ) {
    super(
      `could not look up queue "${queueName}" (sqs:GetQueueUrl failed: ${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  }
}

/** A queue name the bus cannot resolve to a URL: SQS answered that it does not exist. */
export class QueueNotFoundError extends BusError {
  override readonly name = "QueueNotFoundError";
  constructor(
    readonly queueName: string,
    cause?: unknown,
  ) {
    super(
      `queue "${queueName}" does not exist in this account and region: deploy the integration stack (or provision the local stack) first, or pass its URL explicitly`,
      { cause },
    );
  }
}

/**
 * Thrown by a handler for an event that is valid but can never be applied (an unknown
 * integration, an event the consumer refuses): the message goes to the dead-letter queue with
 * this reason at once instead of being retried until `maxReceiveCount`.
 */
export class EventRejectedError extends BusError {
  override readonly name = "EventRejectedError";
}
