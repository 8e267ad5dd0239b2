/**
 * The Lambda side of a consumer queue: an SQS event source handler that validates each record
 * against the contracts, deduplicates on the event id, calls the typed handler, dead-letters
 * invalid records itself (with the reason) and reports only handler failures as batchItemFailures.
 */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { SNSEvent, SNSEventRecord, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { fromSdkAttributes } from "./attributes.ts";
import type { PayloadStore } from "./claim-check.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import {
  type DeadLetterSink,
  describeError,
  type EventHandler,
  type IncomingMessage,
  isSettled,
  processMessage,
  type RecordOutcome,
} from "./record.ts";

export interface SqsHandlerOptions {
  /** The consuming queue's name (scopes idempotency, written as `vigil-source-queue` on dead letters). */
  consumer: string;
  /** Where invalid records go; `sqsDeadLetterSink` in AWS. */
  deadLetters: DeadLetterSink;
  idempotency?: IdempotencyStore;
  payloads?: PayloadStore;
  onOutcome?: (record: SQSRecord, outcome: RecordOutcome) => void;
}

/** A record that must be retried: Powertools reports its messageId in batchItemFailures. */
export class RecordNotSettledError extends Error {
  override readonly name = "RecordNotSettledError";
}

export function incomingFromSqsRecord(record: SQSRecord): IncomingMessage {
  return {
    messageId: record.messageId,
    body: record.body,
    attributes: fromSdkAttributes(record.messageAttributes),
    receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1),
  };
}

/**
 * `export const handler = sqsHandler(onEvent, options)` behind an SQS event source mapping with
 * `ReportBatchItemFailures`. Records of one batch are processed concurrently.
 */
export function sqsHandler(
  handler: EventHandler,
  options: SqsHandlerOptions,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const processing = {
    consumer: options.consumer,
    deadLetters: options.deadLetters,
    idempotency: options.idempotency,
    payloads: options.payloads,
  };
  return async (event: SQSEvent) => {
    const processor = new BatchProcessor(EventType.SQS);
    const recordHandler = async (record: SQSRecord) => {
      const outcome = await processMessage(incomingFromSqsRecord(record), handler, processing);
      options.onOutcome?.(record, outcome);
      if (!isSettled(outcome)) {
        throw new RecordNotSettledError(
          outcome.kind === "failed"
            ? describeError(outcome.error)
            : `event ${outcome.kind === "in-progress" ? outcome.eventId : ""} is being handled by another delivery`,
        );
      }
    };
    // All records failing is a normal partial response here, not an exception for Lambda to retry.
    return processPartialResponse(event, recordHandler, processor, { throwOnFullBatchFailure: false });
  };
}

/**
 * SNS → Lambda (a `lambda` subscription on the topic): the same validation, idempotency and
 * dead-lettering as `sqsHandler`, for the event shape SNS pushes (`Records[].Sns`). SNS invokes
 * asynchronously, so there is no partial batch response: when a record is not settled (the handler
 * failed, or another delivery holds the lock) the invocation throws `SnsDeliveryError` and Lambda
 * retries it; records already handled are then acknowledged as duplicates.
 */
export interface SnsHandlerOptions {
  /** The consumer's name (scopes idempotency, written as `vigil-source-queue` on dead letters). */
  consumer: string;
  deadLetters: DeadLetterSink;
  idempotency?: IdempotencyStore;
  payloads?: PayloadStore;
  onOutcome?: (record: SNSEventRecord, outcome: RecordOutcome) => void;
}

export interface SnsHandlerResult {
  outcomes: Array<{ messageId: string; outcome: RecordOutcome }>;
}

/** At least one SNS record was not settled: thrown so that Lambda's asynchronous retry delivers it again. */
export class SnsDeliveryError extends Error {
  override readonly name = "SnsDeliveryError";
  constructor(readonly failures: Array<{ messageId: string; reason: string }>) {
    super(
      `${failures.length} SNS record(s) not handled, Lambda will retry: ${failures
        .map((f) => `${f.messageId}: ${f.reason}`)
        .join("; ")}`,
    );
  }
}

export function incomingFromSnsRecord(record: SNSEventRecord): IncomingMessage {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.Sns?.MessageAttributes ?? {})) {
    // Binary attributes are not ours; String and Number carry their value as text.
    if (value && typeof value.Value === "string" && value.Type !== "Binary") attributes[name] = value.Value;
  }
  return {
    messageId: record.Sns?.MessageId ?? "",
    body: typeof record.Sns?.Message === "string" ? record.Sns.Message : "",
    attributes,
    receiveCount: 1,
  };
}

export function snsHandler(
  handler: EventHandler,
  options: SnsHandlerOptions,
): (event: SNSEvent) => Promise<SnsHandlerResult> {
  const processing = {
    consumer: options.consumer,
    deadLetters: options.deadLetters,
    idempotency: options.idempotency,
    payloads: options.payloads,
  };
  return async (event: SNSEvent) => {
    const outcomes: SnsHandlerResult["outcomes"] = [];
    const failures: Array<{ messageId: string; reason: string }> = [];
    // SNS delivers one record per invocation; several are handled in order.
    for (const record of event.Records ?? []) {
      const message = incomingFromSnsRecord(record);
      const outcome = await processMessage(message, handler, processing);
      options.onOutcome?.(record, outcome);
      outcomes.push({ messageId: message.messageId, outcome });
      if (!isSettled(outcome)) {
        failures.push({
          messageId: message.messageId,
          reason:
            outcome.kind === "failed"
              ? describeError(outcome.error)
              : `event ${outcome.kind === "in-progress" ? outcome.eventId : ""} is being handled by another delivery`,
        });
      }
    }
    if (failures.length > 0) throw new SnsDeliveryError(failures);
    return { outcomes };
  };
}
