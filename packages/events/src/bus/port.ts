import type { EventEnvelope } from "../envelope/envelope.ts";
import type { ConsumerName } from "../topology/topology.ts";
import type { ConsumeOptions, ConsumeStats } from "./consumer.ts";
import type { EventHandler } from "./record.ts";

export interface PublishResult {
  published: number;
  /** PublishBatch calls made (retries of failed entries included). */
  batches: number;
  /** Events whose body went to the payload store (claim check). */
  claimChecked: number;
}

/**
 * The bus: publish events to the topic, consume a consumer's queue. Delivery is at least once;
 * `consume` deduplicates on the event id when given an `IdempotencyStore`.
 */
export interface Bus {
  publish(events: readonly EventEnvelope[]): Promise<PublishResult>;
  /** Runs until `options.signal` aborts or the process gets SIGTERM; resolves with what it did. */
  consume(consumer: ConsumerName, handler: EventHandler, options?: ConsumeOptions): Promise<ConsumeStats>;
}
