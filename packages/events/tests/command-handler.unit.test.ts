import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  createEvent,
  ExpectedVersionConflictError,
  handleCommand,
  InMemoryEventStore,
  type RecordedEvent,
  retryOnConflict,
} from "../src/index.ts";

const heartbeat = (n: number) =>
  createEvent(
    "vigil.integration.heartbeat.v2",
    { accountId: "123456789012", components: { agent: `1.0.${n}` }, enabledRegions: [] },
    { source: "urn:test", integrationId: "int-1" },
  );

const counter = { initial: () => 0, evolve: (n: number, _e: RecordedEvent) => n + 1 };

describe("backoff with full jitter", () => {
  it("waits a random share of a ceiling that doubles per attempt, capped", () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, { random: () => 0.999_999 }))).toEqual([
      9, 19, 39, 79, 999,
    ]);
    expect(backoffDelay(3, { random: () => 0 })).toBe(0);
    expect(backoffDelay(2, { random: () => 0.5, baseDelayMs: 100, maxDelayMs: 250 })).toBe(125);
  });
});

describe("retryOnConflict", () => {
  it("backs off between conflicts and gives up after maxAttempts", async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = retryOnConflict(
      async () => {
        calls++;
        throw new ExpectedVersionConflictError("s", 1, 2);
      },
      { maxAttempts: 4, random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
    );
    await expect(failing).rejects.toBeInstanceOf(ExpectedVersionConflictError);
    expect(calls).toBe(4);
    expect(waits).toEqual([5, 10, 20]);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(calls).toBe(1);
  });
});

describe("handleCommand", () => {
  it("decides on the state it read and appends at that version", async () => {
    const store = new InMemoryEventStore();
    const out = await handleCommand(store, "s", counter, (n) => ({ events: [heartbeat(n)], result: n }));
    expect(out).toMatchObject({ result: 0, attempts: 1, appended: { firstVersion: 1, lastVersion: 1 } });
    const none = await handleCommand(store, "s", counter, (n) => ({ events: [], result: n }));
    expect(none.appended).toBeUndefined();
    expect(none.result).toBe(1);
  });

  it("re-reads and decides again when another writer appended in between", async () => {
    const store = new InMemoryEventStore();
    const seen: number[] = [];
    const out = await handleCommand(
      store,
      "s",
      counter,
      async (n, { attempt }) => {
        seen.push(n);
        // A concurrent writer lands between our read and our append, once.
        if (attempt === 0) await store.appendToStream("s", [heartbeat(100)]);
        return { events: [heartbeat(n)], result: n };
      },
      { sleep: async () => {} },
    );
    expect(seen).toEqual([0, 1]);
    expect(out).toMatchObject({ result: 1, attempts: 2, appended: { lastVersion: 2 } });
  });

  it("a refusal thrown by the decision is not retried and appends nothing", async () => {
    const store = new InMemoryEventStore();
    await expect(
      handleCommand(store, "s", counter, () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect((await store.readStream("s")).streamVersion).toBe(0);
  });
});
