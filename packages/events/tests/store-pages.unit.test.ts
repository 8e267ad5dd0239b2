import { describe, expect, it } from "vitest";
import {
  benchEventFactory,
  benchEvents,
  type EventStore,
  InMemoryEventStore,
  type ReadAllOptions,
  readAllPages,
} from "../src/index.ts";

async function filledStore(n: number): Promise<InMemoryEventStore> {
  const make = await benchEventFactory();
  const store = new InMemoryEventStore();
  for (let i = 0; i < n; i += 10)
    await store.appendToStream(
      `s#${i % 7}`,
      Array.from({ length: Math.min(10, n - i) }, (_, k) => make(i + k)),
    );
  return store;
}

describe("readAllPages", () => {
  it("gives the same pages as a readAll loop, from any position", async () => {
    const store = await filledStore(95);
    const loop = async (since?: string) => {
      const pages: string[][] = [];
      for (;;) {
        const page = await store.readAll({ ...(since ? { since } : {}), limit: 20 });
        pages.push(page.events.map((e) => e.event.id));
        since = page.position;
        if (!page.more) return pages;
      }
    };
    const collect = async (since?: string) => {
      const pages: string[][] = [];
      for await (const page of readAllPages(store, { since, limit: 20 }))
        pages.push(page.events.map((e) => e.event.id));
      return pages;
    };
    expect(await collect()).toEqual(await loop());
    const middle = (await store.readAll({ limit: 33 })).position;
    expect(await collect(middle)).toEqual(await loop(middle));
  });

  it("has the next page's read in flight while the caller works on the current one", async () => {
    const inner = await filledStore(50);
    let calls = 0;
    const store: Pick<EventStore, "readAll"> = {
      readAll: (options?: ReadAllOptions) => {
        calls++;
        return inner.readAll(options);
      },
    };
    const seenWhenHandling: number[] = [];
    for await (const page of readAllPages(store, { limit: 10 })) {
      seenWhenHandling.push(calls);
      expect(page.events.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1));
    }
    // While page k is handled, the read of page k + 1 has already started (the last page has none after it).
    expect(seenWhenHandling).toEqual([2, 3, 4, 5, 5]);
  });

  it("has the next page's request sent before the caller gets the current page, not after its work", async () => {
    const inner = await filledStore(50);
    let started = 0;
    let sent = 0;
    // As an SDK client does: the request leaves only after a chain of promise steps (middleware).
    const store: Pick<EventStore, "readAll"> = {
      readAll: async (options?: ReadAllOptions) => {
        started++;
        for (let step = 0; step < 40; step++) await Promise.resolve();
        sent++;
        return inner.readAll(options);
      },
    };
    const unsentWhenHandling: number[] = [];
    for await (const page of readAllPages(store, { limit: 10 })) {
      // The caller's work is synchronous: whatever is not sent by now waits until it is done.
      unsentWhenHandling.push(started - sent);
      expect(page.events.length).toBeGreaterThan(0);
    }
    expect(started).toBe(5);
    expect(unsentWhenHandling).toEqual([0, 0, 0, 0, 0]);
  });

  it("a read ahead that fails while the caller works surfaces at the next page, not as an unhandled rejection", async () => {
    const inner = await filledStore(30);
    let n = 0;
    const store: Pick<EventStore, "readAll"> = {
      readAll: (options?: ReadAllOptions) =>
        ++n === 2 ? Promise.reject(new Error("the store went away")) : inner.readAll(options),
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    const pages: number[] = [];
    try {
      await expect(
        (async () => {
          for await (const page of readAllPages(store, { limit: 10 })) {
            pages.push(page.events.length);
            // Real work between pages (a projection store write): the failed read waits meanwhile.
            await new Promise((r) => setTimeout(r, 20));
          }
        })(),
      ).rejects.toThrow("the store went away");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(pages).toEqual([10]);
    expect(unhandled).toEqual([]);
  });

  it("stopping early leaves no unhandled failure of the read ahead", async () => {
    const inner = await filledStore(30);
    let n = 0;
    const store: Pick<EventStore, "readAll"> = {
      readAll: (options?: ReadAllOptions) =>
        ++n === 2 ? Promise.reject(new Error("the store went away")) : inner.readAll(options),
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      for await (const page of readAllPages(store, { limit: 10 })) {
        expect(page.events).toHaveLength(10);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

describe("benchEvents", () => {
  it("replays every event it appended, on the in-memory store", async () => {
    const result = await benchEvents({
      adapter: "in-memory",
      store: new InMemoryEventStore(),
      events: 300,
      singleAppends: 50,
      makeEvent: await benchEventFactory(),
    });
    expect(result.events).toBe(300);
    expect(result.rawReadPerSec).toBeGreaterThan(0);
    expect(result.validatedReadPerSec).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.validatedReadPerSec / result.rawReadPerSec, 6);
  });
});
