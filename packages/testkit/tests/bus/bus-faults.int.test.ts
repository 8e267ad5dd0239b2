/**
 * Fault injection against the local stack (fauxqs): 10,000 events, 10% published twice, shuffled
 * (out-of-order delivery), 1% poison, consumers killed mid-batch (~5% of batches), and slow
 * handlers whose visibility timeout expires while they run. Checked against an exactly-once
 * reference projection: zero lost, zero applied twice, every poison message in the DLQ with its reason.
 */
import type { SQSClient } from "@aws-sdk/client-sqs";
import {
  type ConsumeStats,
  type EventEnvelope,
  InMemoryIdempotencyStore,
  listDeadLetters,
  SnsSqsBus,
} from "@vigil/events";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assessed, type LocalBus, startLocalBus } from "./fixtures/local-bus.ts";

const EVENTS = 10_000;
const DUPLICATE_SHARE = 0.1;
const POISON_SHARE = 0.01;
/** Per delivery; with 10 messages a batch this kills the consumer in ~5% of batches. */
const CRASH_PER_DELIVERY = 1 - 0.95 ** (1 / 10);
const SLOW_PER_DELIVERY = 0.002;
const VISIBILITY_SECONDS = 1;
const SLOW_HANDLER_MS = 1_600;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class ConsumerKilled extends Error {}

let local: LocalBus;
beforeAll(async () => {
  local = await startLocalBus("faults");
});
afterAll(async () => {
  await local?.aws.stop();
});

it("loses nothing and applies nothing twice under duplicates, crashes, expiring visibility, poison and reordering", async () => {
  const random = prng(20250115);
  const valid = Array.from({ length: EVENTS }, (_, i) => assessed(`fault-${i}`));
  const duplicates = valid.filter(() => random() < DUPLICATE_SHARE);
  const poison = Array.from({ length: Math.round(EVENTS * POISON_SHARE) }, (_, i) => {
    const e = assessed(`poison-${i}`);
    return { ...e, data: { ...e.data, results: `not-an-array-${i}` } } as unknown as EventEnvelope;
  });
  const outgoing: EventEnvelope[] = [...valid, ...duplicates, ...poison];
  for (let i = outgoing.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [outgoing[i], outgoing[j]] = [outgoing[j] as EventEnvelope, outgoing[i] as EventEnvelope];
  }

  const started = performance.now();
  const publisher = local.bus();
  for (let i = 0; i < outgoing.length; i += 500) await publisher.publish(outgoing.slice(i, i + 500));
  const publishedAt = performance.now();

  // The exactly-once reference: how many times each event was applied.
  const applied = new Map<string, number>();
  const idempotency = new InMemoryIdempotencyStore({ lockSeconds: 30 });
  const totals = {
    delivered: 0,
    duplicates: 0,
    inProgress: 0,
    crashes: 0,
    slow: 0,
    instances: 0,
    deadLettered: 0,
  };
  const queue = local.queue("platform");
  const allDone = new AbortController();

  /** One consumer process: its SQS client dies with it, so a killed consumer deletes nothing more. */
  const runInstance = async (): Promise<ConsumeStats> => {
    totals.instances++;
    let dead = false;
    const stop = new AbortController();
    allDone.signal.addEventListener("abort", () => stop.abort(), { once: true });
    const real = local.aws.clients.sqs;
    const sqs = {
      send: (command: never, options?: never) =>
        dead ? Promise.reject(new ConsumerKilled("consumer killed")) : real.send(command, options),
    } as unknown as SQSClient;
    const bus = new SnsSqsBus({
      sns: local.aws.clients.sns,
      sqs,
      topicArn: "unused",
      integrationId: "faults",
      queues: { platform: queue },
    });
    const stats = await bus.consume(
      "platform",
      async (event) => {
        if (dead) throw new ConsumerKilled("consumer killed");
        if (random() < CRASH_PER_DELIVERY) {
          dead = true;
          totals.crashes++;
          stop.abort();
          throw new ConsumerKilled("consumer killed mid-batch");
        }
        if (random() < SLOW_PER_DELIVERY) {
          totals.slow++;
          await new Promise((r) => setTimeout(r, SLOW_HANDLER_MS)); // outlives the visibility timeout
        }
        applied.set(event.id, (applied.get(event.id) ?? 0) + 1);
      },
      {
        signal: stop.signal,
        handleSignals: false,
        waitTimeSeconds: 1,
        visibilityTimeoutSeconds: VISIBILITY_SECONDS,
        heartbeatSeconds: 0, // let visibility expire under slow handlers: idempotency must hold anyway
        idempotency,
        onOutcome: (_m, outcome) => {
          totals.delivered++;
          if (outcome.kind === "duplicate") totals.duplicates++;
          if (outcome.kind === "in-progress") totals.inProgress++;
          if (outcome.kind === "dead-lettered") totals.deadLettered++;
        },
      },
    );
    return stats;
  };

  /** Keeps `n` consumers running, replacing each killed one, until everything is applied. */
  const supervise = async () => {
    while (!allDone.signal.aborted) await runInstance();
  };
  const supervisors = Array.from({ length: 4 }, supervise);

  const deadline = Date.now() + 50_000;
  while (Date.now() < deadline && (applied.size < EVENTS || totals.deadLettered < poison.length)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  // Let in-flight redeliveries of already-applied events come back once more before stopping.
  await new Promise((r) => setTimeout(r, (VISIBILITY_SECONDS + 1) * 1000));
  allDone.abort();
  await Promise.all(supervisors);
  const seconds = (performance.now() - started) / 1000;

  const letters = await listDeadLetters(local.aws.clients.sqs, queue.deadLetterUrl, { max: 1000 });
  const poisonIds = new Set(poison.map((p) => p.id));
  const letterIds = new Set(letters.map((l) => l.eventId));
  const lost = valid.filter((e) => !applied.has(e.id)).length;
  const appliedTwice = [...applied.values()].filter((n) => n > 1).length;
  const counts = {
    sent: outgoing.length,
    valid: EVENTS,
    publishedTwice: duplicates.length,
    poison: poison.length,
    delivered: totals.delivered,
    duplicatesSkipped: totals.duplicates,
    heldByInProgressLock: totals.inProgress,
    crashes: totals.crashes,
    consumerInstances: totals.instances,
    slowHandlers: totals.slow,
    inDlq: letters.length,
    inDlqDistinct: letterIds.size,
    lost,
    appliedTwice,
    publishSeconds: Number(((publishedAt - started) / 1000).toFixed(1)),
    totalSeconds: Number(seconds.toFixed(1)),
  };
  console.log(`bus fault injection: ${JSON.stringify(counts)}`);

  expect(lost).toBe(0);
  expect(appliedTwice).toBe(0);
  expect(applied.size).toBe(EVENTS);
  expect([...applied.keys()].every((id) => id.startsWith("fault-"))).toBe(true);
  expect(totals.crashes).toBeGreaterThan(0);
  expect(totals.duplicates).toBeGreaterThanOrEqual(duplicates.length);
  // Every poison message is in the DLQ with its reason; nothing valid is.
  expect(letterIds).toEqual(poisonIds);
  for (const l of letters) {
    expect(l.reason).toMatch(/^invalid-data: .*data\.results: expected array/);
    expect(l.sourceQueue).toBe("vigil-platform-faults");
  }
}, 90_000);
