/**
 * Dead letters: look at them (with the reason the bus recorded) and move them back to the queue
 * they came from once the cause is fixed. Works on any SQS (no StartMessageMoveTask needed, so
 * also on the local stack): receive, send to the source, delete from the DLQ.
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { type ConsumerName, deadLetterQueueNameFor, queueNameFor } from "../topology/topology.ts";
import {
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  fromSdkAttributes,
  type MessageAttributes,
  TYPE_ATTRIBUTE,
  toSdkAttributes,
} from "./attributes.ts";
import { QueueNotFoundError } from "./errors.ts";

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
}

/** When SQS moves a message after maxReceiveCount failed receives, it records no reason. */
export const REDRIVE_POLICY_REASON =
  "moved by the queue's redrive policy: the handler failed maxReceiveCount times";

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
  let eventId: string | undefined;
  let bodyType: string | undefined;
  try {
    const parsed = JSON.parse(m.Body ?? "") as { id?: unknown; type?: unknown };
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
    reason: attributes[DLQ_REASON_ATTRIBUTE] ?? REDRIVE_POLICY_REASON,
    sourceQueue: attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE],
    eventType: attributes[TYPE_ATTRIBUTE] ?? bodyType,
    eventId,
    receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
    sentAt: sent ? new Date(Number(sent)).toISOString() : undefined,
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
  /** Only these (SQS message ids or event ids). Default: all. */
  ids?: readonly string[];
  max?: number;
}

export interface RedriveResult {
  moved: number;
  /** Left in the DLQ: not selected, or no known source queue. */
  skipped: number;
  failed: Array<{ messageId: string; reason: string }>;
}

/**
 * Move dead letters back to their source queue, without the `vigil-dlq-*` attributes, then delete
 * them from the DLQ. A letter is deleted only after its send succeeded (at least once: a crash in
 * between leaves a copy in both, which consumers deduplicate).
 */
export async function redriveDeadLetters(
  sqs: SQSClient,
  deadLetterUrl: string,
  options: RedriveOptions = {},
): Promise<RedriveResult> {
  const held = await hold(sqs, deadLetterUrl, options.max ?? 1000, 60);
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const result: RedriveResult = { moved: 0, skipped: 0, failed: [] };
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
  const putBack: Held[] = [];
  for (const h of held) {
    const selected =
      !wanted ||
      wanted.has(h.letter.messageId) ||
      (h.letter.eventId !== undefined && wanted.has(h.letter.eventId));
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
      if (ok.length > 0) {
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: deadLetterUrl,
            Entries: ok.map((h, j) => ({ Id: `d${j}`, ReceiptHandle: h.receipt })),
          }),
        );
        result.moved += ok.length;
      }
    }
  }
  await release(sqs, deadLetterUrl, putBack);
  return result;
}

/** An SQS client for the `vigil dlq` commands (default credential chain; `endpoint` for the local stack). */
export function sqsClientFor(options: { region?: string; endpoint?: string } = {}): SQSClient {
  return new SQSClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}

/** URLs of a consumer's queue and its DLQ, from the topology's names. */
export async function deadLetterQueueOf(
  sqs: SQSClient,
  consumer: ConsumerName,
  integrationId?: string,
): Promise<{ deadLetterUrl: string; sourceUrl: string; deadLetterName: string; sourceName: string }> {
  const sourceName = queueNameFor(consumer, integrationId);
  const deadLetterName = deadLetterQueueNameFor(consumer, integrationId);
  const urlOf = async (name: string) => {
    try {
      const out = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
      if (out.QueueUrl) return out.QueueUrl;
    } catch (error) {
      throw new QueueNotFoundError(name, error);
    }
    throw new QueueNotFoundError(name);
  };
  const [deadLetterUrl, sourceUrl] = await Promise.all([urlOf(deadLetterName), urlOf(sourceName)]);
  return { deadLetterUrl, sourceUrl, deadLetterName, sourceName };
}
