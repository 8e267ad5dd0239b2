import { PublishBatchCommand, type SNSClient } from "@aws-sdk/client-sns";
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { EventEnvelope } from "../envelope/envelope.ts";
import {
  type ConsumerName,
  deadLetterQueueNameFor,
  topology as defaultTopology,
  queueDefinition,
  queueNameFor,
  type Topology,
} from "../topology/topology.ts";
import {
  CLAIM_CHECK_ATTRIBUTE,
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  eventAttributes,
  fromSdkAttributes,
  MAX_MESSAGE_ATTRIBUTES,
  toSdkAttributes,
} from "./attributes.ts";
import { MAX_PAYLOAD_BYTES, messageBytes, type OutgoingMessage, planBatches } from "./batching.ts";
import { checkInIfLarge, type PayloadStore } from "./claim-check.ts";
import {
  type ConsumeOptions,
  type ConsumeStats,
  type QueueTransport,
  type ReceivedMessage,
  runConsumer,
} from "./consumer.ts";
import { PublishFailedError, QueueNotFoundError, queueLookupFailure } from "./errors.ts";
import type { Bus, PublishResult } from "./port.ts";
import type { DeadLetterSink, EventHandler, IncomingMessage } from "./record.ts";

export interface QueueAddress {
  url: string;
  deadLetterUrl: string;
}

export interface SnsSqsBusOptions {
  sns: SNSClient;
  sqs: SQSClient;
  /** ARN of the `events` topic. */
  topicArn: string;
  /** Queue URLs by consumer; the ones not given are looked up by their topology names (GetQueueUrl). */
  queues?: Partial<Record<ConsumerName, QueueAddress>>;
  /** Names carry the integration id in an integration stack (`vigil-agent-<id>`). */
  integrationId?: string;
  topology?: Topology;
  /** Claim check for messages over 256 KB. Without it such a publish fails with `MessageTooLargeError`. */
  payloads?: PayloadStore;
  /** PublishBatch calls in flight at once. Default 4. */
  publishConcurrency?: number;
}

const RETRIES = 3;

/** Publishes to SNS (PublishBatch, 10 a call, ≤ 256 KB), consumes SQS (long poll, batch delete, heartbeat). */
export class SnsSqsBus implements Bus {
  readonly #options: SnsSqsBusOptions;
  readonly #topology: Topology;
  readonly #urls = new Map<string, Promise<string>>();

  constructor(options: SnsSqsBusOptions) {
    this.#options = options;
    this.#topology = options.topology ?? defaultTopology;
  }

  async publish(events: readonly EventEnvelope[]): Promise<PublishResult> {
    const messages = await Promise.all(
      events.map((event) =>
        checkInIfLarge(
          { eventId: event.id, body: JSON.stringify(event), attributes: eventAttributes(event) },
          this.#options.payloads,
        ),
      ),
    );
    const claimChecked = messages.filter((m) => m.attributes[CLAIM_CHECK_ATTRIBUTE] !== undefined).length;
    const batches = planBatches(messages);
    let calls = 0;
    const failures: { eventId: string; code: string; message: string }[] = [];
    const publishOne = async (batch: OutgoingMessage[]) => {
      let pending = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        calls++;
        const out = await this.#options.sns.send(
          new PublishBatchCommand({
            TopicArn: this.#options.topicArn,
            PublishBatchRequestEntries: pending.map((m, i) => ({
              Id: `m${i}`,
              Message: m.body,
              MessageAttributes: toSdkAttributes(m.attributes),
            })),
          }),
        );
        const failed = out.Failed ?? [];
        const retryable = failed.filter((f) => !f.SenderFault);
        if (attempt + 1 >= RETRIES || retryable.length === 0) {
          for (const f of failed) {
            const m = pending[Number(f.Id?.slice(1))];
            failures.push({
              eventId: m?.eventId ?? "?",
              code: f.Code ?? "Unknown",
              message: f.Message ?? "",
            });
          }
          return;
        }
        for (const f of failed.filter((x) => x.SenderFault)) {
          const m = pending[Number(f.Id?.slice(1))];
          failures.push({ eventId: m?.eventId ?? "?", code: f.Code ?? "Unknown", message: f.Message ?? "" });
        }
        pending = retryable
          .map((f) => pending[Number(f.Id?.slice(1))])
          .filter((m): m is OutgoingMessage => m !== undefined);
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    };
    const queue = [...batches];
    const workers = Array.from({ length: Math.max(1, this.#options.publishConcurrency ?? 4) }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) await publishOne(batch);
    });
    await Promise.all(workers);
    if (failures.length > 0) throw new PublishFailedError(failures);
    return { published: events.length, batches: calls, claimChecked };
  }

  /** URL of a consumer's queue and its dead-letter queue. */
  async addressOf(consumer: ConsumerName): Promise<QueueAddress> {
    const given = this.#options.queues?.[consumer];
    if (given) return given;
    const id = this.#options.integrationId;
    const [url, deadLetterUrl] = await Promise.all([
      this.#urlOf(queueNameFor(consumer, id, this.#topology)),
      this.#urlOf(deadLetterQueueNameFor(consumer, id, this.#topology)),
    ]);
    return { url, deadLetterUrl };
  }

  #urlOf(name: string): Promise<string> {
    let url = this.#urls.get(name);
    if (!url) {
      url = this.#options.sqs.send(new GetQueueUrlCommand({ QueueName: name })).then(
        (out) => {
          if (!out.QueueUrl) throw new QueueNotFoundError(name);
          return out.QueueUrl;
        },
        (error) => {
          this.#urls.delete(name);
          throw queueLookupFailure(name, error);
        },
      );
      this.#urls.set(name, url);
    }
    return url;
  }

  async consume(
    consumer: ConsumerName,
    handler: EventHandler,
    options: ConsumeOptions = {},
  ): Promise<ConsumeStats> {
    const address = await this.addressOf(consumer);
    const transport = new SqsQueueTransport({
      sqs: this.#options.sqs,
      queueUrl: address.url,
      queueName: queueNameFor(consumer, this.#options.integrationId, this.#topology),
      deadLetters: sqsDeadLetterSink({
        sqs: this.#options.sqs,
        deadLetterUrl: address.deadLetterUrl,
        sourceQueue: queueNameFor(consumer, this.#options.integrationId, this.#topology),
      }),
    });
    return runConsumer(transport, handler, {
      payloads: this.#options.payloads,
      ...options,
      defaultVisibilitySeconds: queueDefinition(consumer, this.#topology).visibilityTimeoutSeconds,
    });
  }
}

/** One SQS queue as the consumer loop sees it. */
export class SqsQueueTransport implements QueueTransport {
  readonly queueName: string;
  readonly deadLetters: DeadLetterSink;
  readonly #sqs: SQSClient;
  readonly #url: string;

  constructor(options: { sqs: SQSClient; queueUrl: string; queueName: string; deadLetters: DeadLetterSink }) {
    this.#sqs = options.sqs;
    this.#url = options.queueUrl;
    this.queueName = options.queueName;
    this.deadLetters = options.deadLetters;
  }

  async receive(request: {
    max: number;
    waitSeconds: number;
    visibilitySeconds: number;
    signal: AbortSignal;
  }): Promise<ReceivedMessage[]> {
    const out = await this.#sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.#url,
        MaxNumberOfMessages: request.max,
        WaitTimeSeconds: request.waitSeconds,
        VisibilityTimeout: Math.ceil(request.visibilitySeconds),
        MessageAttributeNames: ["All"],
        MessageSystemAttributeNames: ["ApproximateReceiveCount"],
      }),
      // No abortSignal on purpose: aborting only drops the client's side of a long poll, and a
      // message the queue then hands to the dead connection stays invisible for the whole
      // visibility timeout. The loop lets the poll finish and handles what it brings back.
    );
    return (out.Messages ?? []).map((m) => ({
      messageId: m.MessageId ?? "",
      receipt: m.ReceiptHandle ?? "",
      body: m.Body ?? "",
      attributes: fromSdkAttributes(m.MessageAttributes),
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1),
    }));
  }

  async delete(messages: readonly ReceivedMessage[]): Promise<string[]> {
    const failed: string[] = [];
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      const out = await this.#sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.#url,
          Entries: chunk.map((m, j) => ({ Id: `d${j}`, ReceiptHandle: m.receipt })),
        }),
      );
      for (const f of out.Failed ?? []) {
        const m = chunk[Number(f.Id?.slice(1))];
        if (m) failed.push(m.receipt);
      }
    }
    return failed;
  }

  async changeVisibility(messages: readonly ReceivedMessage[], seconds: number): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      await this.#sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.#url,
          Entries: chunk.map((m, j) => ({
            Id: `v${j}`,
            ReceiptHandle: m.receipt,
            VisibilityTimeout: Math.ceil(seconds),
          })),
        }),
      );
    }
  }
}

const MAX_REASON_CHARS = 4000;

/**
 * Sends an unprocessable message to the DLQ with `vigil-dlq-reason` and `vigil-source-queue`, body
 * and other attributes unchanged (so `redrive` can put it back as it was).
 */
export function sqsDeadLetterSink(options: {
  sqs: SQSClient;
  deadLetterUrl: string;
  sourceQueue: string;
}): DeadLetterSink {
  return {
    async send(message: IncomingMessage, reason: string) {
      const kept = Object.entries(message.attributes)
        .filter(([name]) => name !== DLQ_REASON_ATTRIBUTE && name !== DLQ_SOURCE_QUEUE_ATTRIBUTE)
        .slice(0, MAX_MESSAGE_ATTRIBUTES - 2);
      const attributes = Object.fromEntries(kept);
      attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE] = options.sourceQueue;
      const room =
        MAX_PAYLOAD_BYTES -
        messageBytes({ body: message.body, attributes }) -
        DLQ_REASON_ATTRIBUTE.length -
        6;
      attributes[DLQ_REASON_ATTRIBUTE] = reason.slice(0, Math.max(16, Math.min(MAX_REASON_CHARS, room)));
      await options.sqs.send(
        new SendMessageCommand({
          QueueUrl: options.deadLetterUrl,
          MessageBody: message.body,
          MessageAttributes: toSdkAttributes(attributes),
        }),
      );
    },
  };
}
