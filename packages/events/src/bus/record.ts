/**
 * What happens to one delivered message, shared by the long-polling consumer and the Lambda
 * wrapper: unwrap (raw or SNS envelope) → claim check → validate against the contracts →
 * idempotency → handler, for each event of a pack independently. Invalid messages (or invalid
 * events of a pack, alone) go to the dead-letter sink with the reason and count as handled, so
 * they never block the queue or burn retries.
 */
import * as z from "zod";
import type { VigilEvent } from "../contracts/catalogue.ts";
import { parseEvent } from "../contracts/parse.ts";
import { CLAIM_CHECK_ATTRIBUTE, type MessageAttributes } from "./attributes.ts";
import { PACK_MARKER, PACK_SIZE_ATTRIBUTE } from "./batching.ts";
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

/** What happened to one event. */
export type EventOutcome =
  | { kind: "handled"; eventId: string }
  | { kind: "duplicate"; eventId: string }
  | { kind: "dead-lettered"; reason: string; eventId?: string }
  /** Another delivery of the same event holds the lock: retry later. */
  | { kind: "in-progress"; eventId: string }
  | { kind: "failed"; error: unknown; eventId?: string };

/** What happened to one message: a single event's outcome, or each outcome of a pack's events. */
export type RecordOutcome = EventOutcome | { kind: "pack"; outcomes: EventOutcome[] };

/** The per-event outcomes of a message (one for a plain event body). */
export function eventOutcomes(outcome: RecordOutcome): EventOutcome[] {
  return outcome.kind === "pack" ? outcome.outcomes : [outcome];
}

/**
 * Outcomes after which the message may be deleted from the queue: a pack only once every event
 * in it is settled (a redelivery skips the handled ones through the idempotency store).
 */
export function isSettled(outcome: RecordOutcome): boolean {
  if (outcome.kind === "pack") return outcome.outcomes.every(isSettled);
  return outcome.kind === "handled" || outcome.kind === "duplicate" || outcome.kind === "dead-lettered";
}

/** Why a message is not settled, for retry errors: the first unsettled event's failure. */
export function notSettledReason(outcome: RecordOutcome): string {
  const first = eventOutcomes(outcome).find((o) => !isSettled(o));
  if (!first) return "settled";
  if (first.kind === "failed") return describeError(first.error);
  return `event ${first.kind === "in-progress" ? first.eventId : ""} is being handled by another delivery`;
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
const snsNotificationSchema = z.object({
  Type: z.literal("Notification"),
  MessageId: z.string(),
  TopicArn: z.string(),
  Message: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })).optional(),
});

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

/** Events of a pack processed at once: a pack is up to `DEFAULT_PACK_MAX_EVENTS` events. */
const PACK_CONCURRENCY = 10;

/** `{"vigil-pack":1,"events":[…]}`: several events of one type and integration in one message. */
function packEvents(json: unknown): unknown[] | "malformed" | undefined {
  if (!json || typeof json !== "object" || !(PACK_MARKER in json)) return undefined;
  const events = (json as { events?: unknown }).events;
  if ((json as Record<string, unknown>)[PACK_MARKER] !== 1 || !Array.isArray(events) || events.length === 0)
    return "malformed";
  return events;
}

export async function processMessage(
  message: IncomingMessage,
  handler: EventHandler,
  processing: RecordProcessing,
): Promise<RecordOutcome> {
  const deadLetterMessage = async (reason: string): Promise<EventOutcome> => {
    try {
      await processing.deadLetters.send(message, reason);
      return { kind: "dead-lettered", reason };
    } catch (error) {
      return { kind: "failed", error };
    }
  };

  const unwrapped = unwrapSnsEnvelope(message.body, message.attributes);
  if (!unwrapped.ok) return deadLetterMessage(unwrapped.reason);

  let body: string;
  try {
    body = await checkOut(unwrapped.body, unwrapped.attributes, processing.payloads);
  } catch (error) {
    if (error instanceof MessageClaimCheckError && !error.retryable) return deadLetterMessage(error.message);
    return { kind: "failed", error };
  }

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return deadLetterMessage(`body is not JSON (${(error as Error).message})`);
  }
  const context: DeliveryContext = {
    messageId: message.messageId,
    receiveCount: message.receiveCount,
    consumer: processing.consumer,
  };

  const events = packEvents(json);
  if (events === undefined) return processEvent(json, handler, processing, context, deadLetterMessage);
  if (events === "malformed")
    return deadLetterMessage(`${PACK_MARKER} body is malformed: expected {"${PACK_MARKER}":1,"events":[…]}`);

  // An event of a pack that can never succeed goes to the DLQ alone, as a plain single-event
  // message with the pack's routing attributes, so `vigil dlq` shows and redrives it like any other.
  const {
    [PACK_SIZE_ATTRIBUTE]: _size,
    [CLAIM_CHECK_ATTRIBUTE]: _claim,
    ...eventAttributes
  } = unwrapped.attributes;
  const outcomes: EventOutcome[] = new Array(events.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < events.length; i = next++) {
      const raw = events[i];
      const rawId = (raw as { id?: unknown } | null)?.id;
      const deadLetterEvent = async (reason: string): Promise<EventOutcome> => {
        const single: IncomingMessage = {
          messageId: `${message.messageId}#${i}`,
          body: JSON.stringify(raw),
          attributes: eventAttributes,
          receiveCount: message.receiveCount,
        };
        const id = typeof rawId === "string" ? { eventId: rawId } : {};
        // A pack comes back whenever another of its events failed: remember (by message and
        // position, stable across redeliveries) that this one is in the DLQ already.
        const store = processing.idempotency;
        const key = `${processing.consumer}#dead-letter#${message.messageId}#${i}`;
        if (store) {
          try {
            const claim = await store.claim(key);
            if (claim === "completed") return { kind: "dead-lettered", reason, ...id };
            if (claim === "in-progress") return { kind: "in-progress", eventId: single.messageId };
          } catch (error) {
            return { kind: "failed", error, ...id };
          }
        }
        try {
          await processing.deadLetters.send(single, reason);
        } catch (error) {
          await store?.release(key).catch(() => undefined);
          return { kind: "failed", error, ...id };
        }
        await store?.complete(key).catch(() => undefined); // at worst it is dead-lettered twice
        return { kind: "dead-lettered", reason, ...id };
      };
      outcomes[i] = await processEvent(raw, handler, processing, context, deadLetterEvent);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PACK_CONCURRENCY, events.length) }, worker));
  return { kind: "pack", outcomes };
}

/** validate → idempotency → handler for one event (a whole message's, or one of a pack's). */
async function processEvent(
  json: unknown,
  handler: EventHandler,
  processing: RecordProcessing,
  context: DeliveryContext,
  deadLetter: (reason: string) => Promise<EventOutcome>,
): Promise<EventOutcome> {
  const parsed = parseEvent(json);
  if (!parsed.ok) return deadLetter(`${parsed.error.kind}: ${parsed.error.message}`);
  const event = parsed.event;

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
