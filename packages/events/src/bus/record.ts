/**
 * What happens to one delivered message, shared by the long-polling consumer and the Lambda
 * wrapper: unwrap (raw or SNS envelope) → claim check → validate against the contracts →
 * idempotency → handler. Invalid messages go to the dead-letter sink with the reason and count
 * as handled, so they never block the queue or burn retries.
 */

import * as z from "zod";
import type { VigilEvent } from "../contracts/catalogue.ts";
import { lazySchema } from "../contracts/lazy.ts";
import { parseEvent } from "../contracts/parse.ts";
import type { MessageAttributes } from "./attributes.ts";
import { checkOut, type PayloadStore } from "./claim-check.ts";
import { EventRejectedError, MessageClaimCheckError } from "./errors.ts";
import { type IdempotencyStore, idempotencyKey } from "./idempotency.ts";

/** A message as delivered by a queue, transport-neutral. */
export interface IncomingMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: MessageAttributes;
  /** How many times the queue has delivered it (1 on the first delivery). */
  readonly receiveCount: number;
}

export interface DeliveryContext {
  readonly messageId: string;
  readonly receiveCount: number;
  /** The queue (consumer) the event was delivered to. */
  readonly consumer: string;
}

/** A typed handler: it sees a validated, upcast event, never SDK types or claim-check references. */
export type EventHandler<E extends VigilEvent = VigilEvent> = (
  event: E,
  context: DeliveryContext,
) => Promise<void> | void;

/** Where messages that can never succeed go, with the reason; the SQS adapter sends to the DLQ. */
export interface DeadLetterSink {
  send(message: IncomingMessage, reason: string): Promise<void>;
}

export type RecordOutcome =
  | { kind: "handled"; eventId: string }
  | { kind: "duplicate"; eventId: string }
  | { kind: "dead-lettered"; reason: string }
  /** Another delivery of the same event holds the lock: retry later. */
  | { kind: "in-progress"; eventId: string }
  | { kind: "failed"; error: unknown; eventId?: string };

/** Outcomes after which the message may be deleted from the queue. */
export function isSettled(outcome: RecordOutcome): boolean {
  return outcome.kind === "handled" || outcome.kind === "duplicate" || outcome.kind === "dead-lettered";
}

export interface RecordProcessing {
  /** Name of the consuming queue: scopes idempotency keys and is written as the DLQ source. */
  readonly consumer: string;
  readonly deadLetters: DeadLetterSink;
  readonly idempotency?: IdempotencyStore | undefined;
  readonly payloads?: PayloadStore | undefined;
}

/**
 * The fields of SNS's notification envelope a consumer reads (AWS's documented JSON format for
 * HTTP/SQS deliveries). Powertools' parser has the full schema, but importing it drags its whole
 * module graph into every Lambda bundle for these four fields.
 */
const snsNotificationSchema = lazySchema(() =>
  z.object({
    Type: z.literal("Notification"),
    MessageId: z.string(),
    TopicArn: z.string(),
    Message: z.string(),
    MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })).optional(),
  }),
);

type Unwrapped = { ok: true; body: string; attributes: MessageAttributes } | { ok: false; reason: string };

/**
 * Raw delivery gives the event JSON as the body; without it the body is SNS's notification
 * envelope, whose `Message` is the event and whose `MessageAttributes` carry ours.
 */
export function unwrapSnsEnvelope(body: string, attributes: MessageAttributes): Unwrapped {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: `body is not JSON (${(error as Error).message})` };
  }
  if (!parsed || typeof parsed !== "object" || (parsed as { Type?: unknown }).Type !== "Notification") {
    return { ok: true, body, attributes };
  }
  const envelope = snsNotificationSchema.safeParse(parsed);
  if (!envelope.success) {
    return {
      ok: false,
      reason: `SNS notification envelope is malformed: ${envelope.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    };
  }
  const fromEnvelope: MessageAttributes = {};
  for (const [name, value] of Object.entries(envelope.data.MessageAttributes ?? {})) {
    if (value.Type === "String") fromEnvelope[name] = value.Value;
  }
  return { ok: true, body: envelope.data.Message, attributes: { ...attributes, ...fromEnvelope } };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function processMessage(
  message: IncomingMessage,
  handler: EventHandler,
  processing: RecordProcessing,
): Promise<RecordOutcome> {
  const deadLetter = async (reason: string): Promise<RecordOutcome> => {
    try {
      await processing.deadLetters.send(message, reason);
      return { kind: "dead-lettered", reason };
    } catch (error) {
      return { kind: "failed", error };
    }
  };

  const unwrapped = unwrapSnsEnvelope(message.body, message.attributes);
  if (!unwrapped.ok) return deadLetter(unwrapped.reason);

  let body: string;
  try {
    body = await checkOut(unwrapped.body, unwrapped.attributes, processing.payloads);
  } catch (error) {
    if (error instanceof MessageClaimCheckError && !error.retryable) return deadLetter(error.message);
    return { kind: "failed", error };
  }

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return deadLetter(`body is not JSON (${(error as Error).message})`);
  }
  const parsed = parseEvent(json);
  if (!parsed.ok) return deadLetter(`${parsed.error.kind}: ${parsed.error.message}`);
  const event = parsed.event;
  const context: DeliveryContext = {
    messageId: message.messageId,
    receiveCount: message.receiveCount,
    consumer: processing.consumer,
  };

  const store = processing.idempotency;
  if (!store) {
    try {
      await handler(event, context);
      return { kind: "handled", eventId: event.id };
    } catch (error) {
      if (error instanceof EventRejectedError) return deadLetter(`rejected: ${error.message}`);
      return { kind: "failed", error, eventId: event.id };
    }
  }

  const key = idempotencyKey(processing.consumer, event);
  let claim: Awaited<ReturnType<IdempotencyStore["claim"]>>;
  try {
    claim = await store.claim(key);
  } catch (error) {
    return { kind: "failed", error, eventId: event.id };
  }
  if (claim === "completed") return { kind: "duplicate", eventId: event.id };
  if (claim === "in-progress") return { kind: "in-progress", eventId: event.id };
  try {
    await handler(event, context);
  } catch (error) {
    await store.release(key).catch(() => undefined); // the lock expires anyway
    if (error instanceof EventRejectedError) return deadLetter(`rejected: ${error.message}`);
    return { kind: "failed", error, eventId: event.id };
  }
  try {
    await store.complete(key);
  } catch (error) {
    // The handler ran but the mark did not stick: report a failure so the message is retried;
    // the lock still holds until it expires, so a redelivery in the meantime is not applied.
    return { kind: "failed", error, eventId: event.id };
  }
  return { kind: "handled", eventId: event.id };
}

export { describeError };
