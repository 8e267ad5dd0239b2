/**
 * Dead letters: look at them (with the reason the bus, SQS, SNS or Lambda recorded) and send them
 * back once the cause is fixed. Works on any SQS (no StartMessageMoveTask needed, so also on the
 * local stack): receive, send back, delete from the DLQ.
 *
 * A letter goes back the way it came: to the queue named in `vigil-source-queue` (or the consumer's
 * queue) when a queue delivered it; republished to its topic when SNS pushed it (an SNS subscription
 * redrive, whose body is SNS's envelope, or Lambda's asynchronous DLQ, whose body is the SNS event
 * Lambda was invoked with): there is no source queue in the customer's account.
 */
import { PublishBatchCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { type ToolConnection, toolClientConfig } from "../connection/local-endpoint.ts";
import { type ConsumerName, deadLetterQueueNameFor, queueNameFor } from "../topology/topology.ts";
import {
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  eventAttributes,
  fromSdkAttributes,
  MAX_MESSAGE_ATTRIBUTES,
  type MessageAttributes,
  TYPE_ATTRIBUTE,
  toSdkAttributes,
} from "./attributes.ts";
import { QueueNotFoundError, queueLookupFailure } from "./errors.ts";
import { unwrapSnsEnvelope } from "./record.ts";

/**
 * How a letter reached the DLQ, which decides how `redrive` sends it back:
 * - `bus`: the bus dead-lettered it itself (`vigil-dlq-reason`, `vigil-source-queue`);
 * - `queue-redrive`: the queue's redrive policy moved it after maxReceiveCount failed receives;
 * - `sns-subscription`: SNS could not deliver it to a subscription (body: SNS's notification envelope);
 * - `lambda-async`: Lambda's asynchronous-invocation DLQ (body: the SNS event the function failed on).
 */
export type DeadLetterOrigin = "bus" | "queue-redrive" | "sns-subscription" | "lambda-async";

/** The event inside an SNS-shaped letter, as it was published (what `redrive` republishes). */
export interface SnsDeadLetterMessage {
  /** The topic SNS delivered it from (envelope `TopicArn`), when recorded. */
  topicArn: string | undefined;
  body: string;
  /** The event's published attributes (`type`, `integrationId`, claim check), not the DLQ's. */
  attributes: MessageAttributes;
}

export interface DeadLetter {
  messageId: string;
  body: string;
  attributes: MessageAttributes;
  /** `vigil-dlq-reason`, or why SQS itself moved it (handler kept failing). */
  reason: string;
  /** `vigil-source-queue` when the bus dead-lettered it; undefined when SQS's redrive policy did. */
  sourceQueue: string | undefined;
  eventType: string | undefined;
  eventId: string | undefined;
  receiveCount: number;
  sentAt: string | undefined;
  origin: DeadLetterOrigin;
  /** Set for `sns-subscription` and `lambda-async` letters. */
  snsMessage: SnsDeadLetterMessage | undefined;
}

/** When SQS moves a message after maxReceiveCount failed receives, it records no reason. */
export const REDRIVE_POLICY_REASON =
  "moved by the queue's redrive policy: the handler failed maxReceiveCount times";

/**
 * SQS message attributes SNS and Lambda set on what they dead-letter (AWS documents `RequestID`,
 * `ErrorCode`, `ErrorMessage` for Lambda's asynchronous DLQ); read for the reason when present.
 */
export const DLQ_ERROR_CODE_ATTRIBUTE = "ErrorCode";
export const DLQ_ERROR_MESSAGE_ATTRIBUTE = "ErrorMessage";
export const DLQ_REQUEST_ID_ATTRIBUTE = "RequestID";
export const DLQ_TOPIC_ARN_ATTRIBUTE = "TopicArn";

const ORIGIN_REASON: Record<"sns-subscription" | "lambda-async", string> = {
  "sns-subscription":
    "SNS could not deliver it to the subscription (the endpoint refused it, or SNS's delivery retries ran out)",
  "lambda-async": "the function kept failing on it: Lambda's asynchronous retries ran out",
};

/** The event inside an SNS-shaped body, or undefined when the body is not one. Pure. */
export function snsMessageOf(
  body: string,
): { origin: "sns-subscription" | "lambda-async"; message: SnsDeadLetterMessage } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const p = parsed as {
    Type?: unknown;
    TopicArn?: unknown;
    Records?: Array<{
      EventSource?: unknown;
      Sns?: { Message?: unknown; TopicArn?: unknown; MessageAttributes?: unknown };
    }>;
  } | null;
  if (p?.Type === "Notification") {
    const unwrapped = unwrapSnsEnvelope(body, {});
    if (!unwrapped.ok) return undefined;
    return {
      origin: "sns-subscription",
      message: withEventAttributes({
        topicArn: typeof p.TopicArn === "string" ? p.TopicArn : undefined,
        body: unwrapped.body,
        attributes: unwrapped.attributes,
      }),
    };
  }
  // Lambda's async DLQ holds the invocation's event; SNS pushes one record per invocation.
  const record = Array.isArray(p?.Records) && p.Records.length === 1 ? p.Records[0] : undefined;
  if (record?.EventSource === "aws:sns" && typeof record.Sns?.Message === "string") {
    const attributes: MessageAttributes = {};
    for (const [name, value] of Object.entries((record.Sns.MessageAttributes ?? {}) as object)) {
      const v = value as { Type?: unknown; Value?: unknown };
      if (v?.Type === "String" && typeof v.Value === "string") attributes[name] = v.Value;
    }
    return {
      origin: "lambda-async",
      message: withEventAttributes({
        topicArn: typeof record.Sns.TopicArn === "string" ? record.Sns.TopicArn : undefined,
        body: record.Sns.Message,
        attributes,
      }),
    };
  }
  return undefined;
}

/** `type` and `integrationId` from the event itself win: the filter policies route on them. */
function withEventAttributes(message: SnsDeadLetterMessage): SnsDeadLetterMessage {
  try {
    const event = JSON.parse(message.body) as { type?: unknown; integrationid?: unknown };
    if (typeof event.type === "string" && typeof event.integrationid === "string")
      return {
        ...message,
        attributes: {
          ...message.attributes,
          ...eventAttributes({ type: event.type, integrationid: event.integrationid }),
        },
      };
  } catch {
    // Not JSON (a claim-check reference is JSON too): republished with the attributes it had.
  }
  return message;
}

function reasonOf(attributes: MessageAttributes, origin: DeadLetterOrigin): string {
  const recorded = attributes[DLQ_REASON_ATTRIBUTE];
  if (recorded) return recorded;
  if (origin === "bus" || origin === "queue-redrive") return REDRIVE_POLICY_REASON;
  const code = attributes[DLQ_ERROR_CODE_ATTRIBUTE];
  const message = attributes[DLQ_ERROR_MESSAGE_ATTRIBUTE];
  const error = [code && `ErrorCode ${code}`, message].filter(Boolean).join(": ");
  return error ? `${ORIGIN_REASON[origin]}: ${error}` : ORIGIN_REASON[origin];
}

interface Held {
  letter: DeadLetter;
  receipt: string;
}

function toDeadLetter(m: {
  MessageId?: string | undefined;
  Body?: string | undefined;
  MessageAttributes?: Record<string, { StringValue?: string | undefined }> | undefined;
  Attributes?: Partial<Record<string, string>> | undefined;
}): DeadLetter {
  const attributes = fromSdkAttributes(m.MessageAttributes);
  const sourceQueue = attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE];
  // A letter the bus wrote goes back to its queue whatever its body looks like.
  const sns = sourceQueue === undefined ? snsMessageOf(m.Body ?? "") : undefined;
  const origin: DeadLetterOrigin = sns?.origin ?? (sourceQueue !== undefined ? "bus" : "queue-redrive");
  const eventBody = sns?.message.body ?? m.Body ?? "";
  let eventId: string | undefined;
  let bodyType: string | undefined;
  try {
    const parsed = JSON.parse(eventBody) as { id?: unknown; type?: unknown };
    if (typeof parsed.id === "string") eventId = parsed.id;
    if (typeof parsed.type === "string") bodyType = parsed.type;
  } catch {
    // Not JSON: that is often the reason it is here.
  }
  const sent = m.Attributes?.SentTimestamp;
  return {
    messageId: m.MessageId ?? "",
    body: m.Body ?? "",
    attributes,
    reason: reasonOf(attributes, origin),
    sourceQueue,
    eventType: sns?.message.attributes[TYPE_ATTRIBUTE] ?? attributes[TYPE_ATTRIBUTE] ?? bodyType,
    eventId,
    receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
    sentAt: sent ? new Date(Number(sent)).toISOString() : undefined,
    origin,
    snsMessage: sns
      ? {
          ...sns.message,
          topicArn: sns.message.topicArn ?? attributes[DLQ_TOPIC_ARN_ATTRIBUTE],
        }
      : undefined,
  };
}

/** Receive up to `max` dead letters and keep them invisible (`holdSeconds`) while we look at them. */
async function hold(
  sqs: SQSClient,
  deadLetterUrl: string,
  max: number,
  holdSeconds: number,
): Promise<Held[]> {
  const held: Held[] = [];
  const seen = new Set<string>();
  let emptyInARow = 0;
  while (held.length < max && emptyInARow < 2) {
    const out = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetterUrl,
        MaxNumberOfMessages: Math.min(10, max - held.length),
        WaitTimeSeconds: 1,
        VisibilityTimeout: holdSeconds,
        MessageAttributeNames: ["All"],
        MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
      }),
    );
    const messages = out.Messages ?? [];
    emptyInARow = messages.length === 0 ? emptyInARow + 1 : 0;
    for (const m of messages) {
      if (!m.MessageId || !m.ReceiptHandle || seen.has(m.MessageId)) continue;
      seen.add(m.MessageId);
      held.push({ letter: toDeadLetter(m), receipt: m.ReceiptHandle });
    }
  }
  return held;
}

async function release(sqs: SQSClient, deadLetterUrl: string, held: readonly Held[]): Promise<void> {
  for (let i = 0; i < held.length; i += 10) {
    const chunk = held.slice(i, i + 10);
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: deadLetterUrl,
        Entries: chunk.map((h, j) => ({ Id: `r${j}`, ReceiptHandle: h.receipt, VisibilityTimeout: 0 })),
      }),
    );
  }
}

/** Dead letters in the queue (up to `max`), left in place. */
export async function listDeadLetters(
  sqs: SQSClient,
  deadLetterUrl: string,
  options: { max?: number } = {},
): Promise<DeadLetter[]> {
  const held = await hold(sqs, deadLetterUrl, options.max ?? 100, 30);
  await release(sqs, deadLetterUrl, held);
  return held.map((h) => h.letter);
}

/** One dead letter by SQS message id or event id; undefined when not found among the first `max`. */
export async function showDeadLetter(
  sqs: SQSClient,
  deadLetterUrl: string,
  id: string,
  options: { max?: number } = {},
): Promise<DeadLetter | undefined> {
  const all = await listDeadLetters(sqs, deadLetterUrl, { max: options.max ?? 1000 });
  return all.find((l) => l.messageId === id || l.eventId === id);
}

export interface RedriveOptions {
  /** Where to send them when a letter carries no `vigil-source-queue` (moved by SQS's redrive policy). */
  sourceUrl?: string;
  /** Republishes SNS-shaped letters; without it they are reported as failed and left in the DLQ. */
  sns?: SNSClient;
  /** The topic SNS-shaped letters are republished to. Default: the topic each letter records. */
  topicArn?: string;
  /** Only these (SQS message ids or event ids). Default: all. */
  ids?: readonly string[];
  max?: number;
}

export interface RedriveResult {
  /** Sent back to a queue or republished to a topic, and deleted from the DLQ. */
  moved: number;
  /** Of `moved`, republished to a topic (SNS-shaped letters). */
  republished: number;
  /** Left in the DLQ: not selected, or no known source queue. */
  skipped: number;
  /**
   * Not moved, with why; a letter sent back whose copy could not then be deleted from the DLQ is
   * here too (it is in both: its consumer drops the second delivery as a duplicate).
   */
  failed: Array<{ messageId: string; reason: string }>;
  /** Of `ids`, those no dead letter read (up to `max`) carries as message id or event id. */
  notFound: string[];
}

/**
 * Move dead letters back to their source queue, without the `vigil-dlq-*` attributes, or republish
 * SNS-shaped letters' events to their topic (PublishBatch with the event's `type`/`integrationId`
 * attributes: every subscription whose filter matches receives it again, and consumers deduplicate
 * on the event id), then delete them from the DLQ. A letter is deleted only after its send
 * succeeded (at least once: a crash in between leaves a copy in both).
 */
export async function redriveDeadLetters(
  sqs: SQSClient,
  deadLetterUrl: string,
  options: RedriveOptions = {},
): Promise<RedriveResult> {
  const held = await hold(sqs, deadLetterUrl, options.max ?? 1000, 60);
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const result: RedriveResult = { moved: 0, republished: 0, skipped: 0, failed: [], notFound: [] };
  if (wanted) {
    const seen = new Set(held.flatMap((h) => [h.letter.messageId, h.letter.eventId]));
    result.notFound = [...wanted].filter((id) => !seen.has(id));
  }
  const urls = new Map<string, string>();
  const urlOf = async (name: string) => {
    const known = urls.get(name);
    if (known) return known;
    const out = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    if (!out.QueueUrl) throw new Error(`queue ${name} not found`);
    urls.set(name, out.QueueUrl);
    return out.QueueUrl;
  };

  const byTarget = new Map<string, Held[]>();
  const byTopic = new Map<string, Array<Held & { message: SnsDeadLetterMessage }>>();
  const putBack: Held[] = [];
  for (const h of held) {
    const selected =
      !wanted ||
      wanted.has(h.letter.messageId) ||
      (h.letter.eventId !== undefined && wanted.has(h.letter.eventId));
    const message = h.letter.snsMessage;
    if (selected && message) {
      const topicArn = options.topicArn ?? message.topicArn;
      const missing = !options.sns
        ? "it was pushed by SNS and goes back to its topic: pass an SNS client (options.sns)"
        : !topicArn
          ? "it was pushed by SNS but records no topic: pass the topic ARN to republish it to"
          : undefined;
      if (missing || !topicArn) {
        result.failed.push({ messageId: h.letter.messageId, reason: missing ?? "no topic" });
        putBack.push(h);
      } else byTopic.set(topicArn, [...(byTopic.get(topicArn) ?? []), { ...h, message }]);
      continue;
    }
    let target: string | undefined;
    let lookupFailed = false;
    if (selected) {
      try {
        target = h.letter.sourceQueue ? await urlOf(h.letter.sourceQueue) : options.sourceUrl;
      } catch (error) {
        lookupFailed = true;
        result.failed.push({
          messageId: h.letter.messageId,
          reason: `source queue ${h.letter.sourceQueue}: ${(error as Error).message}`,
        });
      }
    }
    if (!selected || !target) {
      if (!lookupFailed) result.skipped++;
      putBack.push(h);
      continue;
    }
    byTarget.set(target, [...(byTarget.get(target) ?? []), h]);
  }

  for (const [target, letters] of byTarget) {
    for (let i = 0; i < letters.length; i += 10) {
      const chunk = letters.slice(i, i + 10);
      const sent = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: target,
          Entries: chunk.map((h, j) => {
            const {
              [DLQ_REASON_ATTRIBUTE]: _r,
              [DLQ_SOURCE_QUEUE_ATTRIBUTE]: _s,
              ...attributes
            } = h.letter.attributes;
            return {
              Id: `s${j}`,
              MessageBody: h.letter.body,
              ...(Object.keys(attributes).length > 0
                ? { MessageAttributes: toSdkAttributes(attributes) }
                : {}),
            };
          }),
        }),
      );
      const ok = (sent.Successful ?? [])
        .map((s) => chunk[Number(s.Id?.slice(1))])
        .filter((h): h is Held => !!h);
      for (const f of sent.Failed ?? []) {
        const h = chunk[Number(f.Id?.slice(1))];
        if (h) {
          result.failed.push({ messageId: h.letter.messageId, reason: `${f.Code}: ${f.Message ?? ""}` });
          putBack.push(h);
        }
      }
      result.moved += await removeSent(sqs, deadLetterUrl, ok, result, putBack);
    }
  }
  for (const [topicArn, letters] of byTopic) {
    for (let i = 0; i < letters.length; i += 10) {
      const chunk = letters.slice(i, i + 10);
      let ok: Held[] = [];
      try {
        const sent = await (options.sns as SNSClient).send(
          new PublishBatchCommand({
            TopicArn: topicArn,
            PublishBatchRequestEntries: chunk.map((h, j) => {
              const attributes = Object.fromEntries(
                Object.entries(h.message.attributes).slice(0, MAX_MESSAGE_ATTRIBUTES),
              );
              return {
                Id: `p${j}`,
                Message: h.message.body,
                ...(Object.keys(attributes).length > 0
                  ? { MessageAttributes: toSdkAttributes(attributes) }
                  : {}),
              };
            }),
          }),
        );
        ok = (sent.Successful ?? [])
          .map((s) => chunk[Number(s.Id?.slice(1))])
          .filter((h): h is Held & { message: SnsDeadLetterMessage } => !!h);
        for (const f of sent.Failed ?? []) {
          const h = chunk[Number(f.Id?.slice(1))];
          if (h) {
            result.failed.push({ messageId: h.letter.messageId, reason: `${f.Code}: ${f.Message ?? ""}` });
            putBack.push(h);
          }
        }
      } catch (error) {
        for (const h of chunk) {
          result.failed.push({
            messageId: h.letter.messageId,
            reason: `publishing to ${topicArn}: ${(error as Error).message}`,
          });
          putBack.push(h);
        }
      }
      const removed = await removeSent(sqs, deadLetterUrl, ok, result, putBack);
      result.moved += removed;
      result.republished += removed;
    }
  }
  await release(sqs, deadLetterUrl, putBack);
  return result;
}

/**
 * Deletes from the DLQ the letters that were sent back; returns how many it deleted. One it could
 * not delete is a failure saying so, never counted as moved, and is made visible again with the
 * letters left in place (`putBack`).
 */
async function removeSent(
  sqs: SQSClient,
  deadLetterUrl: string,
  sent: readonly Held[],
  result: RedriveResult,
  putBack: Held[],
): Promise<number> {
  if (sent.length === 0) return 0;
  const notDeleted = (h: Held, why: string) => {
    putBack.push(h);
    result.failed.push({
      messageId: h.letter.messageId,
      reason: `sent back, but not deleted from the dead-letter queue (${why}): it is in both; its consumer drops the second delivery as a duplicate, and a later redrive sends it again`,
    });
  };
  let out: { Failed?: { Id?: string; Code?: string; Message?: string }[] };
  try {
    out = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: deadLetterUrl,
        Entries: sent.map((h, j) => ({ Id: `d${j}`, ReceiptHandle: h.receipt })),
      }),
    );
  } catch (error) {
    for (const h of sent) notDeleted(h, (error as Error).message);
    return 0;
  }
  for (const f of out.Failed ?? []) {
    const h = sent[Number(f.Id?.slice(1))];
    if (h) notDeleted(h, `${f.Code}: ${f.Message ?? ""}`);
  }
  return sent.length - (out.Failed?.length ?? 0);
}

/** An SQS client for the `vigil dlq` commands (default credential chain; `endpoint` for the local stack). */
export function sqsClientFor(options: ToolConnection = {}): SQSClient {
  return new SQSClient(toolClientConfig(options));
}

/** An SNS client for `vigil dlq redrive`'s republishing (default credential chain; `endpoint` for the local stack). */
export function snsClientFor(options: ToolConnection = {}): SNSClient {
  return new SNSClient(toolClientConfig(options));
}

/**
 * URLs of a consumer's DLQ and its queue, from the topology's names. `sourceUrl` is undefined when
 * the queue does not exist: in the customer's account SNS pushes to the Lambdas and only the DLQ is
 * there.
 */
export async function deadLetterQueueOf(
  sqs: SQSClient,
  consumer: ConsumerName,
  integrationId?: string,
): Promise<{
  deadLetterUrl: string;
  sourceUrl: string | undefined;
  deadLetterName: string;
  sourceName: string;
}> {
  const sourceName = queueNameFor(consumer, integrationId);
  const deadLetterName = deadLetterQueueNameFor(consumer, integrationId);
  const urlOf = async (name: string) => {
    try {
      const out = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
      if (out.QueueUrl) return out.QueueUrl;
    } catch (error) {
      throw queueLookupFailure(name, error);
    }
    throw new QueueNotFoundError(name);
  };
  const [deadLetterUrl, sourceUrl] = await Promise.all([
    urlOf(deadLetterName),
    urlOf(sourceName).catch((error) => {
      if (error instanceof QueueNotFoundError) return undefined;
      throw error;
    }),
  ]);
  return { deadLetterUrl, sourceUrl, deadLetterName, sourceName };
}
