import { randomUUID } from "node:crypto";
import type { EventEnvelope } from "../envelope/envelope.ts";
import {
  type ConsumerName,
  consumersFor,
  deadLetterQueueNameFor,
  topology as defaultTopology,
  queueDefinition,
  queueNameFor,
  type Topology,
} from "../topology/topology.ts";
import {
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  eventAttributes,
  type MessageAttributes,
} from "./attributes.ts";
import {
  type ConsumeOptions,
  type ConsumeStats,
  type QueueTransport,
  type ReceivedMessage,
  runConsumer,
} from "./consumer.ts";
import type { Bus, PublishResult } from "./port.ts";
import type { EventHandler, IncomingMessage } from "./record.ts";

interface StoredMessage {
  messageId: string;
  body: string;
  attributes: MessageAttributes;
  receiveCount: number;
  visibleAt: number;
  receipt?: string;
}

/**
 * A queue in memory with SQS's delivery semantics: visibility timeout, receive count, and a
 * redrive to its dead-letter queue after `maxReceiveCount` receives.
 */
export class InMemoryQueue {
  readonly messages: StoredMessage[] = [];
  readonly #waiters = new Set<() => void>();
  constructor(
    readonly name: string,
    readonly redrive?: { deadLetter: InMemoryQueue; maxReceiveCount: number },
    readonly now: () => number = Date.now,
  ) {}

  send(body: string, attributes: MessageAttributes): string {
    const messageId = randomUUID();
    this.messages.push({ messageId, body, attributes: { ...attributes }, receiveCount: 0, visibleAt: 0 });
    for (const wake of this.#waiters) wake();
    return messageId;
  }

  /** Messages neither in flight nor waiting: what `ApproximateNumberOfMessages` would say. */
  get visibleCount(): number {
    const now = this.now();
    return this.messages.filter((m) => m.visibleAt <= now).length;
  }

  get size(): number {
    return this.messages.length;
  }

  #take(max: number, visibilitySeconds: number): ReceivedMessage[] {
    const now = this.now();
    const out: ReceivedMessage[] = [];
    for (const m of [...this.messages]) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount++;
      if (this.redrive && m.receiveCount > this.redrive.maxReceiveCount) {
        this.messages.splice(this.messages.indexOf(m), 1);
        this.redrive.deadLetter.send(m.body, m.attributes);
        continue;
      }
      m.receipt = randomUUID();
      m.visibleAt = now + visibilitySeconds * 1000;
      out.push({
        messageId: m.messageId,
        body: m.body,
        attributes: { ...m.attributes },
        receiveCount: m.receiveCount,
        receipt: m.receipt,
      });
    }
    return out;
  }

  async receive(request: {
    max: number;
    waitSeconds: number;
    visibilitySeconds: number;
    signal?: AbortSignal;
  }): Promise<ReceivedMessage[]> {
    const deadline = this.now() + request.waitSeconds * 1000;
    for (;;) {
      const got = this.#take(request.max, request.visibilitySeconds);
      if (got.length > 0 || this.now() >= deadline || request.signal?.aborted) return got;
      // Wake on a new message, on the next visibility expiry, or at the deadline.
      const nextVisible = Math.min(
        ...this.messages.map((m) => m.visibleAt).filter((t) => t > this.now()),
        deadline,
      );
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#waiters.delete(done);
          request.signal?.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, Math.min(nextVisible, deadline) - this.now()));
        this.#waiters.add(done);
        request.signal?.addEventListener("abort", done, { once: true });
      });
    }
  }

  delete(receipt: string): boolean {
    const i = this.messages.findIndex((m) => m.receipt === receipt);
    if (i < 0) return false;
    this.messages.splice(i, 1);
    return true;
  }

  changeVisibility(receipt: string, seconds: number): void {
    const m = this.messages.find((x) => x.receipt === receipt);
    if (m) m.visibleAt = this.now() + seconds * 1000;
  }

  /** Every message with its attributes, in order (dead-letter inspection, tests). */
  peek(): IncomingMessage[] {
    return this.messages.map((m) => ({
      messageId: m.messageId,
      body: m.body,
      attributes: { ...m.attributes },
      receiveCount: m.receiveCount,
    }));
  }
}

export class InMemoryQueueTransport implements QueueTransport {
  constructor(
    readonly queue: InMemoryQueue,
    readonly deadLetterQueue: InMemoryQueue,
  ) {}

  get queueName(): string {
    return this.queue.name;
  }

  readonly deadLetters = {
    send: async (message: IncomingMessage, reason: string) => {
      this.deadLetterQueue.send(message.body, {
        ...message.attributes,
        [DLQ_REASON_ATTRIBUTE]: reason,
        [DLQ_SOURCE_QUEUE_ATTRIBUTE]: this.queue.name,
      });
    },
  };

  receive(request: { max: number; waitSeconds: number; visibilitySeconds: number; signal: AbortSignal }) {
    return this.queue.receive(request);
  }

  async delete(messages: readonly ReceivedMessage[]): Promise<string[]> {
    return messages.filter((m) => !this.queue.delete(m.receipt)).map((m) => m.receipt);
  }

  async changeVisibility(messages: readonly ReceivedMessage[], seconds: number): Promise<void> {
    for (const m of messages) this.queue.changeVisibility(m.receipt, seconds);
  }
}

/** The bus in one process: topic fan-out by the topology's filter policies, queues with SQS semantics. */
export class InMemoryBus implements Bus {
  readonly #topology: Topology;
  readonly #queues = new Map<ConsumerName, { queue: InMemoryQueue; deadLetter: InMemoryQueue }>();

  constructor(options: { topology?: Topology; now?: () => number } = {}) {
    this.#topology = options.topology ?? defaultTopology;
    for (const q of this.#topology.queues) {
      const deadLetter = new InMemoryQueue(
        deadLetterQueueNameFor(q.consumer, undefined, this.#topology),
        undefined,
        options.now,
      );
      const queue = new InMemoryQueue(
        queueNameFor(q.consumer, undefined, this.#topology),
        { deadLetter, maxReceiveCount: q.deadLetter.maxReceiveCount },
        options.now,
      );
      this.#queues.set(q.consumer, { queue, deadLetter });
    }
  }

  async publish(events: readonly EventEnvelope[]): Promise<PublishResult> {
    for (const event of events) {
      const body = JSON.stringify(event);
      for (const consumer of consumersFor(event.type, "events", this.#topology)) {
        this.#queues.get(consumer)?.queue.send(body, eventAttributes(event));
      }
    }
    return { published: events.length, batches: Math.ceil(events.length / 10), claimChecked: 0 };
  }

  /** Put an arbitrary message on a consumer's queue (poison messages in tests, redrive). */
  sendRaw(consumer: ConsumerName, body: string, attributes: MessageAttributes = {}): string {
    return this.queuesOf(consumer).queue.send(body, attributes);
  }

  queuesOf(consumer: ConsumerName): { queue: InMemoryQueue; deadLetter: InMemoryQueue } {
    const found = this.#queues.get(consumer);
    if (!found) throw new Error(`no queue for consumer "${consumer}" in the topology`);
    return found;
  }

  consume(
    consumer: ConsumerName,
    handler: EventHandler,
    options: ConsumeOptions = {},
  ): Promise<ConsumeStats> {
    const { queue, deadLetter } = this.queuesOf(consumer);
    return runConsumer(new InMemoryQueueTransport(queue, deadLetter), handler, {
      ...options,
      defaultVisibilitySeconds: queueDefinition(consumer, this.#topology).visibilityTimeoutSeconds,
    });
  }
}
