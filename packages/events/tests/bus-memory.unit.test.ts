import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  type EventEnvelope,
  EventRejectedError,
  exampleEvent,
  InMemoryBus,
  InMemoryIdempotencyStore,
  MAX_PAYLOAD_BYTES,
  MessageTooLargeError,
  messageBytes,
  planBatches,
  TYPE_ATTRIBUTE,
  type VigilEvent,
} from "../src/index.ts";

const assessed = (id: string) => exampleEvent("vigil.scan.asset-assessed.v1", { id });

/** Consume until `until()` holds, then stop gracefully. */
async function consumeUntil(
  bus: InMemoryBus,
  handler: (e: VigilEvent) => void | Promise<void>,
  until: () => boolean,
  options: Parameters<InMemoryBus["consume"]>[2] = {},
) {
  const stop = new AbortController();
  const running = bus.consume("platform", handler, {
    signal: stop.signal,
    handleSignals: false,
    waitTimeSeconds: 0.05,
    ...options,
  });
  const started = Date.now();
  while (!until() && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 5));
  stop.abort();
  return running;
}

describe("InMemoryBus", () => {
  it("routes by the topology's filter policies: the updater gets update checks, not scan results", async () => {
    const bus = new InMemoryBus();
    await bus.publish([assessed("a1"), exampleEvent("vigil.update.check-started.v1", { id: "u1" })]);
    const types = (consumer: "agent" | "platform" | "updater") =>
      bus
        .queuesOf(consumer)
        .queue.peek()
        .map((m) => m.attributes[TYPE_ATTRIBUTE]);
    expect(types("updater")).toEqual(["vigil.update.check-started.v1"]);
    expect(types("platform")).toEqual(["vigil.scan.asset-assessed.v1", "vigil.update.check-started.v1"]);
    expect(types("agent")).toEqual([]);
  });

  it("handles each event once even when it is published twice, and deletes every message", async () => {
    const bus = new InMemoryBus();
    const events = Array.from({ length: 25 }, (_, i) => assessed(`e${i}`));
    await bus.publish(events);
    await bus.publish(events.slice(0, 10));
    const seen: string[] = [];
    const stats = await consumeUntil(
      bus,
      (e) => void seen.push(e.id),
      () => bus.queuesOf("platform").queue.size === 0,
      {
        idempotency: new InMemoryIdempotencyStore(),
      },
    );
    expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
    expect(stats.handled).toBe(25);
    expect(stats.duplicates).toBe(10);
    expect(stats.deleted).toBe(35);
  });

  it("dead-letters an invalid message with its reason and source queue, and keeps going", async () => {
    const bus = new InMemoryBus();
    const bad = { ...assessed("bad-1"), data: { scanId: 42 } };
    bus.sendRaw("platform", JSON.stringify(bad), { [TYPE_ATTRIBUTE]: bad.type });
    bus.sendRaw("platform", "not json at all");
    await bus.publish([assessed("good-1")]);
    const seen: string[] = [];
    await consumeUntil(
      bus,
      (e) => void seen.push(e.id),
      () => bus.queuesOf("platform").queue.size === 0,
    );
    expect(seen).toEqual(["good-1"]);
    const dead = bus.queuesOf("platform").deadLetter.peek();
    expect(dead).toHaveLength(2);
    const invalid = dead.find((d) => d.body !== "not json at all");
    const notJson = dead.find((d) => d.body === "not json at all");
    expect(invalid?.attributes[DLQ_REASON_ATTRIBUTE]).toMatch(
      /^invalid-data: .*data\.scanId: expected string/,
    );
    expect(invalid?.attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE]).toBe("vigil-platform");
    expect(notJson?.attributes[DLQ_REASON_ATTRIBUTE]).toMatch(/body is not JSON/);
  });

  it("dead-letters an event its handler rejects at once, with the reason, without retries", async () => {
    for (const idempotency of [undefined, new InMemoryIdempotencyStore()]) {
      const bus = new InMemoryBus();
      await bus.publish([assessed("refused-1"), assessed("fine-1")]);
      const attempts: string[] = [];
      await consumeUntil(
        bus,
        (e) => {
          attempts.push(e.id);
          if (e.id === "refused-1") throw new EventRejectedError("integration int-0001 is not registered");
        },
        () => bus.queuesOf("platform").queue.size === 0,
        idempotency ? { idempotency } : {},
      );
      expect(attempts.sort()).toEqual(["fine-1", "refused-1"]);
      const dead = bus.queuesOf("platform").deadLetter.peek();
      expect(dead.map((d) => JSON.parse(d.body).id)).toEqual(["refused-1"]);
      expect(dead[0]?.attributes[DLQ_REASON_ATTRIBUTE]).toBe(
        "rejected: integration int-0001 is not registered",
      );
    }
  });

  it("retries a failing handler after the visibility timeout, then SQS-style redrive after maxReceiveCount", async () => {
    let now = 0;
    const bus = new InMemoryBus({ now: () => now });
    await bus.publish([assessed("flaky"), assessed("broken")]);
    const attempts = new Map<string, number>();
    const handler = (e: VigilEvent) => {
      attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
      if (e.id === "broken" || (attempts.get(e.id) ?? 0) < 3) throw new Error("boom");
    };
    for (let round = 0; round < 8; round++) {
      await consumeUntil(bus, handler, () => true, { visibilityTimeoutSeconds: 10, heartbeatSeconds: 0 });
      now += 11_000;
    }
    expect(attempts.get("flaky")).toBe(3);
    expect(attempts.get("broken")).toBe(5); // maxReceiveCount in the topology
    const dead = bus.queuesOf("platform").deadLetter.peek();
    expect(dead.map((d) => JSON.parse(d.body).id)).toEqual(["broken"]);
  });

  it("stops gracefully: a handler in flight when the signal fires still finishes and is deleted", async () => {
    const bus = new InMemoryBus();
    await bus.publish([assessed("slow")]);
    const stop = new AbortController();
    let finished = false;
    const stats = await bus.consume(
      "platform",
      async () => {
        stop.abort();
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
      },
      { signal: stop.signal, handleSignals: false, waitTimeSeconds: 0.05 },
    );
    expect(finished).toBe(true);
    expect(stats.deleted).toBe(1);
    expect(bus.queuesOf("platform").queue.size).toBe(0);
  });
});

describe("planBatches", () => {
  const message = (i: number, bytes: number) => ({
    eventId: `e${i}`,
    body: "x".repeat(bytes),
    attributes: { type: "t" },
  });

  it("never exceeds 10 entries or 256 KiB a batch, and keeps every message in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120_000 }), { maxLength: 60 }), (sizes) => {
        const messages = sizes.map((s, i) => message(i, s));
        const batches = planBatches(messages);
        expect(batches.flat()).toEqual(messages);
        for (const b of batches) {
          expect(b.length).toBeGreaterThan(0);
          expect(b.length).toBeLessThanOrEqual(10);
          expect(b.reduce((n, m) => n + messageBytes(m), 0)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
        }
      }),
    );
  });

  it("refuses a single message above the limit (it needs the claim check)", () => {
    expect(() => planBatches([message(0, MAX_PAYLOAD_BYTES)])).toThrow(MessageTooLargeError);
  });

  it("counts attributes in the size, as SNS does", () => {
    const m: Pick<EventEnvelope, "id"> & { body: string; attributes: Record<string, string> } = {
      id: "x",
      body: "abc",
      attributes: { type: "vigil.x" },
    };
    expect(messageBytes(m)).toBe(3 + "type".length + "String".length + "vigil.x".length);
  });
});
