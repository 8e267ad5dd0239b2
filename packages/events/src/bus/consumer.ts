/**
 * The long-polling consumer loop, shared by the SQS and in-memory adapters: receive up to 10,
 * process them concurrently, heartbeat the visibility of those still running, delete the settled
 * ones in one batch call, and on stop (AbortSignal or SIGTERM) finish the batch in hand and return.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { PayloadStore } from "./claim-check.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import {
  type DeadLetterSink,
  type EventHandler,
  type IncomingMessage,
  isSettled,
  processMessage,
  type RecordOutcome,
} from "./record.ts";

/** A received message and the handle to delete it or extend its visibility. */
export interface ReceivedMessage extends IncomingMessage {
  readonly receipt: string;
}

/** What the loop needs from a queue. Adapters implement it (SQS, in-memory). */
export interface QueueTransport {
  /** The queue's name, written as `vigil-source-queue` on dead letters. */
  readonly queueName: string;
  readonly deadLetters: DeadLetterSink;
  receive(request: {
    max: number;
    waitSeconds: number;
    visibilitySeconds: number;
    signal: AbortSignal;
  }): Promise<ReceivedMessage[]>;
  /** Returns the receipts that could not be deleted (they will be redelivered and deduplicated). */
  delete(messages: readonly ReceivedMessage[]): Promise<string[]>;
  changeVisibility(messages: readonly ReceivedMessage[], seconds: number): Promise<void>;
}

export interface ConsumeOptions {
  /** Stop: no new receive starts; the batch in hand is finished (handled, deleted); then `consume` resolves. */
  signal?: AbortSignal;
  /** Also stop on SIGTERM (and SIGINT) of this process. Default true. */
  handleSignals?: boolean;
  /** Long-poll wait. Default 20 s; lower it in tests. */
  waitTimeSeconds?: number;
  /** Visibility given to each received message. Default: the queue's topology value, else 30 s. */
  visibilityTimeoutSeconds?: number;
  /** Extend the visibility of still-running messages this often. Default half the visibility; 0 disables. */
  heartbeatSeconds?: number;
  /** Messages per receive, 1–10. Default 10. */
  batchSize?: number;
  /** Concurrent receive loops. Default 1. */
  pollers?: number;
  /** Make failed messages visible again after this many seconds instead of the full visibility timeout. */
  retryDelaySeconds?: number;
  idempotency?: IdempotencyStore;
  payloads?: PayloadStore;
  /** Called once per processed message (metrics, logs, tests). */
  onOutcome?: (message: ReceivedMessage, outcome: RecordOutcome) => void;
  /** Called on transport errors the loop recovers from (receive/delete/heartbeat failures). */
  onError?: (error: unknown, during: "receive" | "delete" | "heartbeat" | "retry-delay") => void;
}

export interface ConsumeStats {
  receives: number;
  emptyReceives: number;
  received: number;
  handled: number;
  duplicates: number;
  deadLettered: number;
  failed: number;
  inProgress: number;
  deleted: number;
  deleteFailures: number;
  heartbeats: number;
  /** Why the loop stopped. */
  stoppedBy: "signal" | "SIGTERM" | "SIGINT";
}

export const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

export async function runConsumer(
  transport: QueueTransport,
  handler: EventHandler,
  options: ConsumeOptions & { defaultVisibilitySeconds?: number } = {},
): Promise<ConsumeStats> {
  const waitSeconds = options.waitTimeSeconds ?? 20;
  const visibilitySeconds =
    options.visibilityTimeoutSeconds ??
    options.defaultVisibilitySeconds ??
    DEFAULT_VISIBILITY_TIMEOUT_SECONDS;
  const heartbeatSeconds = options.heartbeatSeconds ?? visibilitySeconds / 2;
  const batchSize = Math.min(Math.max(options.batchSize ?? 10, 1), 10);
  const stats: ConsumeStats = {
    receives: 0,
    emptyReceives: 0,
    received: 0,
    handled: 0,
    duplicates: 0,
    deadLettered: 0,
    failed: 0,
    inProgress: 0,
    deleted: 0,
    deleteFailures: 0,
    heartbeats: 0,
    stoppedBy: "signal",
  };

  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const onSigterm = () => {
    stats.stoppedBy = "SIGTERM";
    stop.abort();
  };
  const onSigint = () => {
    stats.stoppedBy = "SIGINT";
    stop.abort();
  };
  if (options.handleSignals ?? true) {
    process.on("SIGTERM", onSigterm);
    process.on("SIGINT", onSigint);
  }

  const processing = {
    consumer: transport.queueName,
    deadLetters: transport.deadLetters,
    idempotency: options.idempotency,
    payloads: options.payloads,
  };

  const count = (outcome: RecordOutcome) => {
    if (outcome.kind === "handled") stats.handled++;
    else if (outcome.kind === "duplicate") stats.duplicates++;
    else if (outcome.kind === "dead-lettered") stats.deadLettered++;
    else if (outcome.kind === "in-progress") stats.inProgress++;
    else stats.failed++;
  };

  const processBatch = async (batch: ReceivedMessage[]) => {
    const running = new Set(batch);
    let heartbeat: NodeJS.Timeout | undefined;
    if (heartbeatSeconds > 0) {
      // Slow handlers keep their messages invisible; without this another consumer would get them.
      heartbeat = setInterval(() => {
        if (running.size === 0) return;
        stats.heartbeats++;
        transport
          .changeVisibility([...running], visibilitySeconds)
          .catch((e) => options.onError?.(e, "heartbeat"));
      }, heartbeatSeconds * 1000);
    }
    const settled: ReceivedMessage[] = [];
    const unsettled: ReceivedMessage[] = [];
    try {
      await Promise.all(
        batch.map(async (message) => {
          const outcome = await processMessage(message, handler, processing);
          running.delete(message);
          count(outcome);
          options.onOutcome?.(message, outcome);
          (isSettled(outcome) ? settled : unsettled).push(message);
        }),
      );
    } finally {
      if (heartbeat) clearInterval(heartbeat);
    }
    if (settled.length > 0) {
      try {
        const failed = await transport.delete(settled);
        stats.deleted += settled.length - failed.length;
        stats.deleteFailures += failed.length;
      } catch (error) {
        stats.deleteFailures += settled.length;
        options.onError?.(error, "delete");
      }
    }
    if (unsettled.length > 0 && options.retryDelaySeconds !== undefined) {
      await transport
        .changeVisibility(unsettled, options.retryDelaySeconds)
        .catch((e) => options.onError?.(e, "retry-delay"));
    }
  };

  const poll = async () => {
    let backoffMs = 100;
    while (!stop.signal.aborted) {
      let batch: ReceivedMessage[];
      try {
        stats.receives++;
        batch = await transport.receive({
          max: batchSize,
          waitSeconds,
          visibilitySeconds,
          signal: stop.signal,
        });
        backoffMs = 100;
      } catch (error) {
        if (stop.signal.aborted) break;
        options.onError?.(error, "receive");
        await sleep(backoffMs, undefined, { signal: stop.signal }).catch(() => undefined);
        backoffMs = Math.min(backoffMs * 2, 5000);
        continue;
      }
      if (batch.length === 0) {
        stats.emptyReceives++;
        continue;
      }

      stats.received += batch.length;
      await processBatch(batch);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, options.pollers ?? 1) }, poll));
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    process.off("SIGTERM", onSigterm);
    process.off("SIGINT", onSigint);
  }
  return stats;
}
