import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CLAIM_CHECK_ATTRIBUTE,
  DEFAULT_PACK_MAX_BYTES,
  DLQ_REASON_ATTRIBUTE,
  DLQ_SOURCE_QUEUE_ATTRIBUTE,
  exampleEvent,
  INTEGRATION_ID_ATTRIBUTE,
  type IncomingMessage,
  InMemoryBus,
  InMemoryIdempotencyStore,
  messageBytes,
  PACK_SIZE_ATTRIBUTE,
  planPacks,
  processMessage,
  type RecordOutcome,
  TYPE_ATTRIBUTE,
  type VigilEvent,
} from "../src/index.ts";

const assessed = (id: string) => exampleEvent("vigil.scan.asset-assessed.v1", { id });
const poisoned = (id: string) => {
  const e = assessed(id);
  return { ...e, data: { ...e.data, results: "not-an-array" } };
};

/** The events a planned message carries, whether packed or plain. */
function eventsOf(body: string): Array<{ id: string }> {
  const json = JSON.parse(body);
  return json["vigil-pack"] === 1 ? json.events : [json];
}

describe("planPacks", () => {
  const arbitraryMessage = fc.record({
    type: fc.constantFrom("a", "b", "c"),
    integration: fc.constantFrom("i1", "i2"),
    bytes: fc.oneof(fc.integer({ min: 2, max: 3_000 }), fc.integer({ min: 2, max: 80_000 })),
    claimChecked: fc.boolean().map((b) => b && Math.random() < 0.1),
  });

  it("keeps every event exactly once, in order within its group, in homogeneous packs within the limits", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryMessage, { maxLength: 300 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 4_000, max: DEFAULT_PACK_MAX_BYTES }),
        (specs, maxEvents, maxBytes) => {
          const messages = specs.map((s, i) => {
            const id = `e${i}`;
            // A JSON body of the wanted size, with the id first so the test can read it back.
            const body = JSON.stringify({ id, pad: "x".repeat(Math.max(0, s.bytes - id.length - 18)) });
            const attributes: Record<string, string> = {
              [TYPE_ATTRIBUTE]: s.type,
              [INTEGRATION_ID_ATTRIBUTE]: s.integration,
              ...(s.claimChecked ? { [CLAIM_CHECK_ATTRIBUTE]: "s3" } : {}),
            };
            return { eventId: id, body, attributes };
          });
          const packs = planPacks(
            messages,
            { maxEvents, maxBytes },
            (m) => m.attributes[CLAIM_CHECK_ATTRIBUTE] !== undefined,
          );
          const seen: string[] = [];
          const byGroup = new Map<string, string[]>();
          for (const pack of packs) {
            const events = eventsOf(pack.body);
            expect(events.map((e) => e.id)).toEqual(pack.eventIds);
            expect(events.length).toBeLessThanOrEqual(maxEvents);
            const members = pack.eventIds.map((id) => messages[Number(id.slice(1))]);
            const { [PACK_SIZE_ATTRIBUTE]: size, ...routing } = pack.attributes;
            for (const m of members) expect(m?.attributes).toEqual(routing); // homogeneous
            if (events.length > 1) {
              expect(size).toBe(String(events.length));
              expect(messageBytes(pack)).toBeLessThanOrEqual(maxBytes);
              expect(routing[CLAIM_CHECK_ATTRIBUTE]).toBeUndefined(); // claim checks travel alone
            } else {
              expect(size).toBeUndefined();
              expect(pack.body).toBe(members[0]?.body); // a single event keeps its plain body
            }
            const group = JSON.stringify([routing[TYPE_ATTRIBUTE], routing[INTEGRATION_ID_ATTRIBUTE]]);
            byGroup.set(group, [...(byGroup.get(group) ?? []), ...pack.eventIds]);
            seen.push(...pack.eventIds);
          }
          expect([...seen].sort()).toEqual(messages.map((m) => m.eventId).sort());
          expect(new Set(seen).size).toBe(seen.length);
          const index = (id: string) => Number(id.slice(1));
          for (const ids of byGroup.values()) {
            // Claim-checked messages sit in their group's list where their pack came out; the rest keep order.
            const packed = ids.filter(
              (id) => messages[index(id)]?.attributes[CLAIM_CHECK_ATTRIBUTE] === undefined,
            );
            expect(packed).toEqual([...packed].sort((a, b) => index(a) - index(b)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("sends a lone event as a plain body and a larger group in as few packs as the limits allow", () => {
    const one = planPacks([{ eventId: "x", body: JSON.stringify(assessed("x")), attributes: { type: "t" } }]);
    expect(one).toHaveLength(1);
    expect(JSON.parse(one[0]?.body ?? "").id).toBe("x");
    const thousand = Array.from({ length: 1000 }, (_, i) => ({
      eventId: `a${i}`,
      body: JSON.stringify(assessed(`a${i}`)),
      attributes: { type: "t", integrationId: "i" },
    }));
    const packs = planPacks(thousand, { maxEvents: 100, maxBytes: DEFAULT_PACK_MAX_BYTES });
    expect(packs.map((p) => p.eventIds.length)).toEqual(Array(10).fill(100));
  });
});

describe("packs on the in-memory bus", () => {
  it("delivers a packed publish whole: each event handled once, one message deleted", async () => {
    const bus = new InMemoryBus();
    const events = Array.from({ length: 40 }, (_, i) => assessed(`p${i}`));
    const result = await bus.publish(events);
    expect(result).toMatchObject({ published: 40, messages: 1, batches: 1 });
    const stored = bus.queuesOf("platform").queue.peek();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.attributes[PACK_SIZE_ATTRIBUTE]).toBe("40");
    const seen: string[] = [];
    const stop = new AbortController();
    const stats = await bus.consume(
      "platform",
      (e) => {
        seen.push(e.id);
        if (seen.length === 40) stop.abort();
      },
      { signal: stop.signal, handleSignals: false, waitTimeSeconds: 0.05 },
    );
    expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
    expect(stats).toMatchObject({ received: 1, handled: 40, deleted: 1 });
  });

  it("keeps one event per message with pack: false", async () => {
    const bus = new InMemoryBus({ pack: false });
    const result = await bus.publish([assessed("x1"), assessed("x2")]);
    expect(result.messages).toBe(2);
    expect(bus.queuesOf("platform").queue.size).toBe(2);
  });
});

describe("processMessage on a pack", () => {
  const consumer = "vigil-platform";
  const pack = (events: object[]): IncomingMessage => ({
    messageId: "m-1",
    body: JSON.stringify({ "vigil-pack": 1, events }),
    attributes: {
      [TYPE_ATTRIBUTE]: "vigil.scan.asset-assessed.v1",
      [INTEGRATION_ID_ATTRIBUTE]: "int-0001",
      [PACK_SIZE_ATTRIBUTE]: String(events.length),
    },
    receiveCount: 1,
  });
  const sink = () => {
    const sent: Array<{ message: IncomingMessage; reason: string }> = [];
    return {
      sent,
      send: async (message: IncomingMessage, reason: string) => void sent.push({ message, reason }),
    };
  };

  it("dead-letters only the poison event, alone, and settles the pack", async () => {
    const deadLetters = sink();
    const handled: string[] = [];
    const outcome = await processMessage(
      pack([assessed("ok-1"), poisoned("poison-1"), assessed("ok-2")]),
      (e: VigilEvent) => void handled.push(e.id),
      { consumer, deadLetters },
    );
    expect(handled.sort()).toEqual(["ok-1", "ok-2"]);
    expect(outcome.kind).toBe("pack");
    expect((outcome as Extract<RecordOutcome, { kind: "pack" }>).outcomes.map((o) => o.kind)).toEqual([
      "handled",
      "dead-lettered",
      "handled",
    ]);
    expect(deadLetters.sent).toHaveLength(1);
    const [letter] = deadLetters.sent;
    expect(JSON.parse(letter?.message.body ?? "")).toEqual(poisoned("poison-1"));
    expect(letter?.message.attributes).toEqual({
      [TYPE_ATTRIBUTE]: "vigil.scan.asset-assessed.v1",
      [INTEGRATION_ID_ATTRIBUTE]: "int-0001",
    });
    expect(letter?.reason).toMatch(/^invalid-data: .*data\.results: expected array/);
  });

  it("leaves the pack unsettled when one event fails, and a redelivery applies only what is left", async () => {
    const deadLetters = sink();
    const idempotency = new InMemoryIdempotencyStore();
    const applied = new Map<string, number>();
    let failOnce = true;
    const handler = (e: VigilEvent) => {
      if (e.id === "flaky" && failOnce) {
        failOnce = false;
        throw new Error("throttled");
      }
      applied.set(e.id, (applied.get(e.id) ?? 0) + 1);
    };
    const message = pack([assessed("a"), assessed("flaky"), poisoned("bad"), assessed("b")]);
    const first = await processMessage(message, handler, { consumer, deadLetters, idempotency });
    const { isSettled } = await import("../src/index.ts");
    expect(isSettled(first)).toBe(false);
    const second = await processMessage({ ...message, receiveCount: 2 }, handler, {
      consumer,
      deadLetters,
      idempotency,
    });
    expect(isSettled(second)).toBe(true);
    expect((second as Extract<RecordOutcome, { kind: "pack" }>).outcomes.map((o) => o.kind)).toEqual([
      "duplicate",
      "handled",
      "dead-lettered",
      "duplicate",
    ]);
    expect(Object.fromEntries(applied)).toEqual({ a: 1, flaky: 1, b: 1 });
    // The poison event is in the DLQ once, not once per delivery of its pack.
    expect(deadLetters.sent).toHaveLength(1);
  });

  it("dead-letters a malformed pack whole", async () => {
    const deadLetters = sink();
    const message = { ...pack([]), body: JSON.stringify({ "vigil-pack": 1, events: "nope" }) };
    const outcome = await processMessage(message, () => undefined, { consumer, deadLetters });
    expect(outcome.kind).toBe("dead-lettered");
    expect(deadLetters.sent[0]?.message.body).toBe(message.body);
  });

  it("dead-letters a poison event of a published pack through the in-memory queue with its source", async () => {
    const bus = new InMemoryBus();
    await bus.publish([assessed("g1"), poisoned("p1") as never, assessed("g2")]);
    const seen: string[] = [];
    const stop = new AbortController();
    const stats = await bus.consume("platform", (e) => void seen.push(e.id), {
      signal: stop.signal,
      handleSignals: false,
      waitTimeSeconds: 0.05,
      onOutcome: () => {
        if (seen.length === 2) stop.abort();
      },
    });
    expect(stats).toMatchObject({ handled: 2, deadLettered: 1, deleted: 1 });
    const dead = bus.queuesOf("platform").deadLetter.peek();
    expect(dead.map((d) => JSON.parse(d.body).id)).toEqual(["p1"]);
    expect(dead[0]?.attributes[DLQ_SOURCE_QUEUE_ATTRIBUTE]).toBe("vigil-platform");
    expect(dead[0]?.attributes[DLQ_REASON_ATTRIBUTE]).toMatch(/^invalid-data/);
    expect(dead[0]?.attributes[PACK_SIZE_ATTRIBUTE]).toBeUndefined();
  });
});
