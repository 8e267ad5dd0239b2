/**
 * The Lambda side of a consumer queue: an SQS event source handler that validates each record
 * against the contracts, deduplicates on the event id, calls the typed handler, dead-letters
 * invalid records itself (with the reason) and reports only handler failures as batchItemFailures.
 */
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
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
