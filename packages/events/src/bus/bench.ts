/**
 * `vigil bench bus`: publish → consume → ack throughput on a real (or local) SNS/SQS, and the
 * API requests per 1,000 events that the cost model multiplies by. Requests are counted by an SDK
 * middleware in the deserialize step, so every HTTP attempt (retries included) counts once.
 */
import type { EventEnvelope } from "../envelope/envelope.ts";
import { type ConsumerName, consumersFor } from "../topology/topology.ts";
import type { ConsumeStats } from "./consumer.ts";
import { BusError } from "./errors.ts";
import type { SnsSqsBus } from "./sns-sqs.ts";

/** Anything with an SDK v3 middleware stack (every `*Client`). */
interface MiddlewareClient {
  middlewareStack: {
    add(middleware: unknown, options: { step: "deserialize"; name: string; override?: boolean }): void;
  };
}

export class RequestCounter {
  readonly counts = new Map<string, number>();

  /** Count every request `client` sends as `<service>.<Operation>` (e.g. `SQS.ReceiveMessage`). */
  attach(client: MiddlewareClient, service: string): void {
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
        async (args: unknown) => {
          const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
          const key = `${service}.${operation}`;
          this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
          return next(args);
        },
      { step: "deserialize", name: `vigilRequestCounter-${service}`, override: true },
    );
  }

  total(service: string): number {
    let n = 0;
    for (const [key, count] of this.counts) if (key.startsWith(`${service}.`)) n += count;
    return n;
  }

  byOperation(service: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, count] of [...this.counts].sort())
      if (key.startsWith(`${service}.`)) out[key.slice(service.length + 1)] = count;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

export interface BusBenchResult {
  events: number;
  seconds: number;
  /** Events published, delivered, handled and deleted per second, end to end. */
  eventsPerSecond: number;
  publishPerSecond: number;
  snsRequestsPer1000: number;
  sqsRequestsPer1000: number;
  sqsRequestsPerEvent: number;
  sns: Record<string, number>;
  sqs: Record<string, number>;
  consume: ConsumeStats;
}

export interface BusBenchOptions {
  bus: SnsSqsBus;
  /** Attached to the bus's SNS and SQS clients by the caller. */
  counter: RequestCounter;
  consumer: ConsumerName;
  events: number;
  makeEvent: (n: number) => EventEnvelope;
  /** Events per publish call (each call is split into PublishBatch calls of 10). Default 100. */
  publishChunk?: number;
  pollers?: number;
  waitTimeSeconds?: number;
  /** Give up (and throw) after this long. Default 300 s. */
  timeoutMs?: number;
}

/** Publishes `events` while consuming them; stops when every one has been handled and deleted. */
export async function benchBus(options: BusBenchOptions): Promise<BusBenchResult> {
  const { bus, counter, events } = options;
  // Only events the consumer's filter policy lets through can be consumed.
  const load: EventEnvelope[] = [];
  for (let n = 0; load.length < events && n < events * 100; n++) {
    const event = options.makeEvent(n);
    if (consumersFor(event.type).includes(options.consumer)) load.push(event);
  }
  if (load.length < events)
    throw new BusError(`makeEvent produced too few events routed to ${options.consumer}`);
  await bus.addressOf(options.consumer); // resolve URLs before the clock starts
  counter.reset();
  const stop = new AbortController();
  let handled = 0;
  const started = performance.now();
  const consuming = bus.consume(
    options.consumer,
    () => {
      handled++;
    },
    {
      signal: stop.signal,
      handleSignals: false,
      waitTimeSeconds: options.waitTimeSeconds ?? 20,
      visibilityTimeoutSeconds: 30,
      pollers: options.pollers ?? 2,
      onOutcome: (_m, outcome) => {
        // Stop once every event is handled; the loop still deletes the batch in hand.
        if (outcome.kind === "handled" && handled >= events) stop.abort();
      },
    },
  );
  const chunk = options.publishChunk ?? 100;
  for (let i = 0; i < events; i += chunk) {
    await bus.publish(load.slice(i, i + chunk));
  }
  const published = performance.now();
  const timer = setTimeout(() => stop.abort(), options.timeoutMs ?? 300_000);
  const consume = await consuming.finally(() => clearTimeout(timer));
  if (handled < events) {
    throw new BusError(
      `bench stopped after ${options.timeoutMs ?? 300_000} ms with ${handled} of ${events} events handled`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const sns = counter.total("SNS");
  const sqs = counter.total("SQS");
  return {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    publishPerSecond: events / ((published - started) / 1000),
    snsRequestsPer1000: (sns / events) * 1000,
    sqsRequestsPer1000: (sqs / events) * 1000,
    sqsRequestsPerEvent: sqs / events,
    sns: counter.byOperation("SNS"),
    sqs: counter.byOperation("SQS"),
    consume,
  };
}
