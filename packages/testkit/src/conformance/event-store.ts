import {
  AppendTooLargeError,
  appendInBatches,
  createEvent,
  EVENT_STORE_LIMITS,
  type EventEnvelope,
  type EventStore,
  type ExpectedVersion,
  ExpectedVersionConflictError,
  eventItemBytes,
  InvalidAppendError,
  isMultiStreamAppender,
  MultiStreamConflictError,
  PayloadTooLargeError,
  planAppends,
  previousVersionCheckBytes,
  type RecordedEvent,
  transactionBytesOf,
  type VigilEvent,
} from "@vigil/events";
import { describe, expect, it } from "vitest";

/**
 * The event-log conformance suite (modelled on Emmett's `features.ts`): every `EventStore`
 * adapter must pass these unchanged. Each property is also exported as a plain async function
 * that throws on a violation, so a test can show a deliberately broken adapter fails it.
 */
export interface EventStoreFactory {
  /** A fresh, empty store (a new table for DynamoDB), with a claim check when the adapter has one. */
  create(): Promise<EventStore>;
  /** A fresh store without a claim check: the item-limit refusals are checked on it when given. */
  createWithoutClaimCheck?(): Promise<EventStore>;
  /** Release what `create` made (optional). */
  teardown?(): Promise<void>;
}

export interface EventStoreConformanceOptions {
  /** Writers in the race test (default 8). */
  racers?: number;
  /** Skip the >400 KB payload test for an adapter configured without claim check. */
  largePayloads?: boolean;
}

let counter = 0;
function uniqueStream(prefix: string): string {
  counter += 1;
  return `${prefix}#${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** A small valid event; `n` makes ids and payloads distinct. */
export function sampleEvent(
  streamId: string,
  n: number,
  extra: { evidenceBytes?: number; results?: number; padBytes?: number } = {},
): VigilEvent {
  const evidence = extra.evidenceBytes ? "x".repeat(Math.min(extra.evidenceBytes, 1024)) : undefined;
  const results = Array.from({ length: extra.results ?? 1 }, (_, i) => ({
    checkId: `check-${i}`,
    status: "fail" as const,
    severity: "high" as const,
    title: `check ${i} of event ${n}`,
    ...(evidence ? { evidence } : {}),
  }));
  return createEvent(
    "vigil.scan.asset-assessed.v1",
    {
      scanId: streamId,
      assessedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n % 60)).toISOString(),
      asset: {
        arn: `arn:aws:s3:::bucket-${n}`,
        type: "aws.s3.bucket",
        region: "global",
        accountId: "123456789012",
        tags: extra.padBytes ? { pad: "x".repeat(extra.padBytes) } : {},
      },
      results,
    },
    { source: "urn:vigil:conformance", integrationId: "int-conformance", id: `${streamId}/e${n}` },
  );
}

/** An event whose serialized size is at least `bytes`. */
export function eventOfSize(streamId: string, n: number, bytes: number): VigilEvent {
  return sampleEvent(streamId, n, { evidenceBytes: 1024, results: Math.ceil(bytes / 1100) });
}

/** An event whose serialized size (`JSON.stringify`, UTF-8) is exactly `bytes`. */
export function eventOfExactSize(streamId: string, n: number, bytes: number): VigilEvent {
  const base = Buffer.byteLength(JSON.stringify(sampleEvent(streamId, n, { padBytes: 1 }))) - 1;
  const event = sampleEvent(streamId, n, { padBytes: bytes - base });
  assert(Buffer.byteLength(JSON.stringify(event)) === bytes, `could not build an event of ${bytes} bytes`);
  return event;
}

/** An event whose stored item is exactly `itemBytes` when appended at `version` (the shared sizing). */
export function eventOfItemSize(streamId: string, n: number, version: number, itemBytes: number): VigilEvent {
  const base = eventItemBytes(streamId, version, sampleEvent(streamId, n, { padBytes: 1 })) - 1;
  const event = sampleEvent(streamId, n, { padBytes: itemBytes - base });
  assert(
    eventItemBytes(streamId, version, event) === itemBytes,
    `could not build an item of ${itemBytes} bytes`,
  );
  return event;
}

function ids(events: readonly RecordedEvent[]): string[] {
  return events.map((e) => e.event.id);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`conformance violation: ${message}`);
}

export async function checkAppendAndRead(store: EventStore): Promise<void> {
  const s = uniqueStream("append");
  const events = [sampleEvent(s, 1), sampleEvent(s, 2), sampleEvent(s, 3)];
  const r = await store.appendToStream(s, events, { expectedVersion: "no_stream" });
  expect(r).toEqual({ streamId: s, firstVersion: 1, lastVersion: 3, alreadyAppended: false });
  const read = await store.readStream(s);
  expect(read.streamVersion).toBe(3);
  expect(read.events.map((e) => e.version)).toEqual([1, 2, 3]);
  expect(read.events.map((e) => e.event)).toEqual(JSON.parse(JSON.stringify(events)));
  expect(read.events.every((e) => e.streamId === s && !Number.isNaN(Date.parse(e.recordedAt)))).toBe(true);
  const range = await store.readStream(s, { from: 2, to: 2 });
  expect(ids(range.events)).toEqual([events[1]?.id]);
  expect(range.streamVersion).toBe(3);
  const missing = await store.readStream(uniqueStream("missing"));
  expect(missing).toMatchObject({ events: [], streamVersion: 0 });
}

export async function checkExpectedVersion(store: EventStore): Promise<void> {
  const s = uniqueStream("expected");
  await store.appendToStream(s, [sampleEvent(s, 1)], { expectedVersion: "no_stream" });
  await expect(
    store.appendToStream(s, [sampleEvent(s, 2)], { expectedVersion: "no_stream" }),
  ).rejects.toBeInstanceOf(ExpectedVersionConflictError);
  await expect(store.appendToStream(s, [sampleEvent(s, 2)], { expectedVersion: 0 })).rejects.toBeInstanceOf(
    ExpectedVersionConflictError,
  );
  const stale = store.appendToStream(s, [sampleEvent(s, 2)], { expectedVersion: 2 });
  await expect(stale).rejects.toMatchObject({
    name: "ExpectedVersionConflictError",
    streamId: s,
    expected: 2,
  });
  await expect(stale).rejects.toThrow(/re-read the stream/);
  const exact = await store.appendToStream(s, [sampleEvent(s, 2), sampleEvent(s, 3)], { expectedVersion: 1 });
  expect(exact).toMatchObject({ firstVersion: 2, lastVersion: 3 });
  const any = await store.appendToStream(s, [sampleEvent(s, 4)], { expectedVersion: "any" });
  expect(any).toMatchObject({ firstVersion: 4, lastVersion: 4 });
  const fresh = uniqueStream("expected-any");
  expect(await store.appendToStream(fresh, [sampleEvent(fresh, 1)])).toMatchObject({ firstVersion: 1 });
  const read = await store.readStream(s);
  expect(read.events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
}

/**
 * N writers append different events at the same expected version at once: exactly one wins,
 * every other gets ExpectedVersionConflictError, and the stream has no gaps or duplicates.
 */
export async function checkConcurrentWriters(store: EventStore, racers = 8, rounds = 3): Promise<void> {
  const s = uniqueStream("race");
  await store.appendToStream(s, [sampleEvent(s, 0)], { expectedVersion: "no_stream" });
  let version = 1;
  for (let round = 0; round < rounds; round++) {
    const attempts = Array.from({ length: racers }, (_, w) =>
      store.appendToStream(s, [sampleEvent(s, 1000 * (round + 1) + w)], { expectedVersion: version }),
    );
    const outcomes = await Promise.allSettled(attempts);
    const winners = outcomes.filter((o) => o.status === "fulfilled");
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    assert(
      winners.length === 1,
      `round ${round}: expected exactly one winner at version ${version}, got ${winners.length}`,
    );
    for (const l of losers) {
      assert(
        l.reason instanceof ExpectedVersionConflictError,
        `round ${round}: a losing writer failed with ${String(l.reason)} instead of ExpectedVersionConflictError`,
      );
    }
    version += 1;
  }
  const read = await store.readStream(s);
  const versions = read.events.map((e) => e.version);
  assert(
    JSON.stringify(versions) === JSON.stringify(Array.from({ length: rounds + 1 }, (_, i) => i + 1)),
    `stream versions must be 1..${rounds + 1} without gaps, got ${versions.join(",")}`,
  );
  assert(new Set(ids(read.events)).size === read.events.length, "an event id is stored twice");
  assert(read.streamVersion === rounds + 1, `streamVersion ${read.streamVersion} != ${rounds + 1}`);
}

export async function checkIdempotentRetries(store: EventStore): Promise<void> {
  const s = uniqueStream("retry");
  const first = [sampleEvent(s, 1), sampleEvent(s, 2)];
  const original = await store.appendToStream(s, first, { expectedVersion: "no_stream" });
  // The producer did not see the response and retries with the very same events.
  expect(await store.appendToStream(s, first, { expectedVersion: "no_stream" })).toEqual({
    ...original,
    alreadyAppended: true,
  });
  const second = [sampleEvent(s, 3)];
  const appended = await store.appendToStream(s, second, { expectedVersion: 2 });
  expect(await store.appendToStream(s, second, { expectedVersion: 2 })).toEqual({
    ...appended,
    alreadyAppended: true,
  });
  expect(await store.appendToStream(s, second, { expectedVersion: "any" })).toEqual({
    ...appended,
    alreadyAppended: true,
  });
  // Another writer moved on; a late retry of an old append is still recognised.
  await store.appendToStream(s, [sampleEvent(s, 4)], { expectedVersion: 3 });
  expect(await store.appendToStream(s, first, { expectedVersion: "no_stream" })).toEqual({
    ...original,
    alreadyAppended: true,
  });
  // New events at a stale version are a conflict, not a retry.
  await expect(store.appendToStream(s, [sampleEvent(s, 5)], { expectedVersion: 2 })).rejects.toBeInstanceOf(
    ExpectedVersionConflictError,
  );
  const read = await store.readStream(s);
  expect(ids(read.events)).toEqual([...first, ...second, sampleEvent(s, 4)].map((e) => e.id));
}

/** More than 1 MB in one stream: DynamoDB pages Query results at 1 MB, the adapter must follow. */
export async function checkPagination(store: EventStore): Promise<void> {
  const s = uniqueStream("pages");
  const events = Array.from({ length: 30 }, (_, i) => eventOfSize(s, i + 1, 90_000));
  const size = events.reduce((n, e) => n + JSON.stringify(e).length, 0);
  expect(size).toBeGreaterThan(2.5 * 1024 * 1024);
  await appendInBatches(store, s, events, { expectedVersion: "no_stream", batchSize: 10 });
  const all = await store.readStream(s);
  expect(all.events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
  expect(ids(all.events)).toEqual(events.map((e) => e.id));
  expect(all.events[29]?.event).toEqual(JSON.parse(JSON.stringify(events[29])));
  const middle = await store.readStream(s, { from: 5, to: 26 });
  expect(middle.events.map((e) => e.version)).toEqual(Array.from({ length: 22 }, (_, i) => i + 5));
}

/** Interleaved concurrent writers; readAll pages return each event exactly once, in position order. */
export async function checkReadAllOrdering(store: EventStore): Promise<void> {
  const streams = Array.from({ length: 5 }, () => uniqueStream("all"));
  await Promise.all(
    streams.map(async (s) => {
      for (let i = 1; i <= 6; i += 2) {
        await store.appendToStream(s, [sampleEvent(s, i), sampleEvent(s, i + 1)], { expectedVersion: i - 1 });
      }
    }),
  );
  const seen: RecordedEvent[] = [];
  let since: string | undefined;
  for (let page = 0; page < 100; page++) {
    const r = await store.readAll({ since, limit: 7 });
    expect(r.events.length).toBeLessThanOrEqual(7);
    seen.push(...r.events);
    since = r.position;
    if (!r.more) break;
  }
  const mine = seen.filter((e) => streams.includes(e.streamId));
  expect(mine).toHaveLength(30);
  expect(new Set(ids(mine)).size).toBe(30);
  const positions = seen.map((e) => e.position);
  expect(positions).toEqual([...positions].sort());
  expect(new Set(positions).size).toBe(positions.length);
  for (const s of streams) {
    expect(mine.filter((e) => e.streamId === s).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
  }
  // Resuming from any position returns exactly the suffix.
  const cut = seen[Math.floor(seen.length / 2)];
  const rest = await store.readAll({ since: cut?.position, limit: 10_000 });
  expect(ids(rest.events)).toEqual(ids(seen.slice(Math.floor(seen.length / 2) + 1)));
  // Nothing new: the position stays where it was.
  const tail = await store.readAll({ since: rest.position });
  expect(tail.events).toEqual([]);
  expect(tail.position).toBe(rest.position);
}

/**
 * Commits of many events (one stream, and many streams at once) come back from readAll whole, in
 * order, each event once, whatever the page size, and resuming at any event's position returns
 * exactly what follows it; every event's position in readAll is its position in readStream.
 */
export async function checkReadAllCommits(store: EventStore): Promise<void> {
  const one = uniqueStream("commit-one");
  const many = Array.from({ length: 12 }, () => uniqueStream("commit-many"));
  await store.appendToStream(one, [sampleEvent(one, 1)], { expectedVersion: "no_stream" });
  await store.appendToStream(
    one,
    Array.from({ length: 9 }, (_, i) => sampleEvent(one, i + 2)),
    { expectedVersion: 1 },
  );
  if (isMultiStreamAppender(store)) {
    await store.appendToStreams([
      ...many.map((s, i) => ({
        streamId: s,
        events: [sampleEvent(s, i)],
        expectedVersion: "no_stream" as const,
      })),
      { streamId: one, events: [sampleEvent(one, 11), sampleEvent(one, 12)], expectedVersion: 10 },
    ]);
  } else {
    for (const [i, s] of many.entries())
      await store.appendToStream(s, [sampleEvent(s, i)], { expectedVersion: "no_stream" });
    await store.appendToStream(one, [sampleEvent(one, 11), sampleEvent(one, 12)], { expectedVersion: 10 });
  }
  const mine = (events: readonly RecordedEvent[]) =>
    events.filter((e) => e.streamId === one || many.includes(e.streamId));
  const whole = await store.readAll({ limit: 10_000 });
  const all = mine(whole.events);
  expect(all).toHaveLength(24);
  expect(all.filter((e) => e.streamId === one).map((e) => e.version)).toEqual(
    Array.from({ length: 12 }, (_, i) => i + 1),
  );
  for (const limit of [1, 2, 5, 7, 11]) {
    const seen: RecordedEvent[] = [];
    let since: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const r = await store.readAll({ since, limit });
      expect(r.events.length).toBeLessThanOrEqual(limit);
      seen.push(...r.events);
      since = r.position;
      if (!r.more) break;
    }
    expect(ids(seen)).toEqual(ids(whole.events));
  }
  for (const [i, e] of whole.events.entries()) {
    const rest = await store.readAll({ since: e.position, limit: 10_000 });
    expect(ids(rest.events)).toEqual(ids(whole.events.slice(i + 1)));
  }
  const fromStream = await store.readStream(one);
  expect(fromStream.events.map((e) => e.position)).toEqual(
    all.filter((e) => e.streamId === one).map((e) => e.position),
  );
}

/**
 * A stream id of `streamIdBytes` UTF-8 bytes (multi-byte characters count as their bytes) is
 * stored and replayed; one byte more is refused before anything is written, by every adapter
 * (DynamoDB would refuse the event's position as the replay index's sort key).
 */
export async function checkStreamIdLimit(store: EventStore): Promise<void> {
  const max = EVENT_STORE_LIMITS.streamIdBytes;
  const head = `${uniqueStream("long-id")}#${"é".repeat(300)}`;
  const longest = head + "x".repeat(max - Buffer.byteLength(head));
  expect(Buffer.byteLength(longest)).toBe(max);
  const event = sampleEvent("long-id", 1);
  await store.appendToStream(longest, [event], { expectedVersion: "no_stream" });
  expect(ids((await store.readStream(longest)).events)).toEqual([event.id]);
  const all = await store.readAll({ limit: 10_000 });
  expect(all.events.find((e) => e.event.id === event.id)?.streamId).toBe(longest);
  const tooLong = `${longest}y`;
  await expect(
    store.appendToStream(tooLong, [sampleEvent("long-id", 2)], { expectedVersion: "no_stream" }),
  ).rejects.toBeInstanceOf(InvalidAppendError);
  await expect(
    store.appendToStream(`${head}${"é".repeat((max - Buffer.byteLength(head)) / 2 + 1)}`, [
      sampleEvent("long-id", 3),
    ]),
  ).rejects.toThrow(/stream id must be 1\.\.\d+ bytes/);
  expect((await store.readStream(tooLong)).streamVersion).toBe(0);
}

/** Events above DynamoDB's 400 KB item limit round-trip unchanged (claim check for DynamoDB). */
export async function checkLargePayloads(store: EventStore): Promise<void> {
  const s = uniqueStream("large");
  const big = eventOfSize(s, 1, 600_000);
  expect(JSON.stringify(big).length).toBeGreaterThan(400 * 1024);
  await store.appendToStream(s, [sampleEvent(s, 0)], { expectedVersion: "no_stream" });
  await store.appendToStream(s, [big, sampleEvent(s, 2)], { expectedVersion: 1 });
  const read = await store.readStream(s);
  expect(read.events.map((e) => e.version)).toEqual([1, 2, 3]);
  expect(read.events[1]?.event).toEqual(JSON.parse(JSON.stringify(big)));
  const all: EventEnvelope[] = [];
  let since: string | undefined;
  for (;;) {
    const r = await store.readAll({ since, limit: 50 });
    all.push(...r.events.filter((e) => e.streamId === s).map((e) => e.event));
    since = r.position;
    if (!r.more) break;
  }
  expect(all.find((e) => e.id === big.id)).toEqual(JSON.parse(JSON.stringify(big)));
}

/** `count` small events, numbered from `from`. */
function many(streamId: string, count: number, from = 1): VigilEvent[] {
  return Array.from({ length: count }, (_, i) => sampleEvent(streamId, from + i));
}

/** The append is refused with AppendTooLargeError naming the limit, and nothing of it is written. */
async function expectTooLarge(
  store: EventStore,
  streamId: string,
  events: readonly EventEnvelope[],
  expectedVersion: ExpectedVersion,
  message: RegExp,
): Promise<void> {
  const before = (await store.readStream(streamId)).streamVersion;
  const append = store.appendToStream(streamId, events, { expectedVersion });
  await expect(append).rejects.toBeInstanceOf(AppendTooLargeError);
  await expect(append).rejects.toThrow(message);
  await expect(append).rejects.toThrow(/planAppends/);
  expect((await store.readStream(streamId)).streamVersion).toBe(before);
}

/**
 * One append holds at most 100 events on a new stream and 99 on an existing one (one item of
 * the DynamoDB transaction checks the previous version), whatever the adapter.
 */
export async function checkEventCountLimits(store: EventStore): Promise<void> {
  expect(EVENT_STORE_LIMITS).toMatchObject({
    eventsPerAppendNewStream: 100,
    eventsPerAppendExistingStream: 99,
  });
  // New streams: 99 and 100 fit, 101 does not ("no_stream", and "any" on a stream that does not exist).
  for (const expectedVersion of ["no_stream", "any"] as const) {
    for (const count of [99, 100]) {
      const s = uniqueStream(`count-new-${count}`);
      expect(await store.appendToStream(s, many(s, count), { expectedVersion })).toMatchObject({
        firstVersion: 1,
        lastVersion: count,
        alreadyAppended: false,
      });
    }
    const s = uniqueStream("count-new-101");
    await expectTooLarge(store, s, many(s, 101), expectedVersion, /101 events, above 100;.*on a new stream/s);
  }
  // Existing streams: 99 fits, 100 and 101 do not (exact version and "any").
  for (const expectedVersion of [1, "any"] as const) {
    const s = uniqueStream("count-existing");
    await store.appendToStream(s, [sampleEvent(s, 0)], { expectedVersion: "no_stream" });
    for (const count of [100, 101]) {
      await expectTooLarge(
        store,
        s,
        many(s, count, 1),
        expectedVersion,
        new RegExp(`${count} events, above 99;.*on an existing stream`, "s"),
      );
    }
    expect(await store.appendToStream(s, many(s, 99, 1), { expectedVersion })).toMatchObject({
      firstVersion: 2,
      lastVersion: 100,
      alreadyAppended: false,
    });
    expect((await store.readStream(s)).streamVersion).toBe(100);
  }
}

/** One append's items hold at most 4 MB: exactly 4 MB fits, one byte more does not. */
export async function checkTransactionBytes(store: EventStore): Promise<void> {
  const max = EVENT_STORE_LIMITS.transactionBytes;
  expect(max).toBe(4 * 1024 * 1024);
  const s = uniqueStream("bytes");
  await store.appendToStream(s, [sampleEvent(s, 0)], { expectedVersion: "no_stream" });
  // 12 inline events (each under the claim-check threshold) whose items and conditions, with the
  // check on version 1, add up to `max` (+ extra), as DynamoDB sizes a transaction.
  const room = max - previousVersionCheckBytes(s, 1);
  const twelve = (extra: number) => {
    const each = Math.floor(room / 12);
    const item = (bytes: number) => bytes - transactionBytesOf(0);
    return Array.from({ length: 12 }, (_, i) =>
      eventOfItemSize(s, 100 + i, 2 + i, item(i < 11 ? each : room - 11 * each + extra)),
    );
  };
  const over = twelve(1);
  expect(over.every((e) => JSON.stringify(e).length <= EVENT_STORE_LIMITS.claimCheckThresholdBytes)).toBe(
    true,
  );
  await expectTooLarge(store, s, over, 1, new RegExp(`${max + 1} bytes, above ${max}`));
  const exact = twelve(0);
  expect(await store.appendToStream(s, exact, { expectedVersion: 1 })).toMatchObject({
    firstVersion: 2,
    lastVersion: 13,
  });
  const read = await store.readStream(s);
  expect(ids(read.events)).toEqual([sampleEvent(s, 0), ...exact].map((e) => e.id));
  // Far over (~6 MB in 20 events): refused, whatever the count.
  const big = Array.from({ length: 20 }, (_, i) => eventOfSize(s, 200 + i, 300_000));
  await expectTooLarge(store, s, big, 13, /bytes, above 4194304/);
}

/**
 * An event above the claim-check threshold (350 KB serialized, under the 400 KB item limit) is
 * refused without a claim check, exactly from one byte over; with one, only when the rest of its
 * envelope alone is still above it.
 */
export async function checkItemLimits(
  store: EventStore,
  options: { claimCheck: boolean; withoutClaimCheck?: EventStore | undefined },
): Promise<void> {
  const { withoutClaimCheck } = options;
  const threshold = EVENT_STORE_LIMITS.claimCheckThresholdBytes;
  expect(threshold).toBeLessThan(EVENT_STORE_LIMITS.itemBytes);
  expect(EVENT_STORE_LIMITS.itemBytes).toBe(400 * 1024);
  if (withoutClaimCheck) {
    const s = uniqueStream("item");
    const atLimit = eventOfExactSize(s, 1, threshold);
    await withoutClaimCheck.appendToStream(s, [atLimit], { expectedVersion: "no_stream" });
    expect((await withoutClaimCheck.readStream(s)).events[0]?.event).toEqual(
      JSON.parse(JSON.stringify(atLimit)),
    );
    for (const big of [eventOfExactSize(s, 2, threshold + 1), eventOfSize(s, 3, 500 * 1024)]) {
      const bytes = Buffer.byteLength(JSON.stringify(big));
      const append = withoutClaimCheck.appendToStream(s, [sampleEvent(s, 9), big], { expectedVersion: 1 });
      await expect(append).rejects.toBeInstanceOf(PayloadTooLargeError);
      await expect(append).rejects.toMatchObject({ eventId: big.id, bytes, maxBytes: threshold });
      await expect(append).rejects.toThrow(/no claim-check bucket: configure claimCheck/);
      expect((await withoutClaimCheck.readStream(s)).streamVersion).toBe(1);
    }
  }
  if (!options.claimCheck) return;
  // With a claim check, `data` moves out; an envelope still too large without it is refused too.
  const s = uniqueStream("item-claim");
  const sample = sampleEvent(s, 1);
  const envelopeHeavy = { ...sample, dataschema: `urn:vigil:schema:${"x".repeat(threshold)}` };
  const append = store.appendToStream(s, [envelopeHeavy], { expectedVersion: "no_stream" });
  await expect(append).rejects.toBeInstanceOf(PayloadTooLargeError);
  await expect(append).rejects.toThrow(/even with its data claim-checked/);
  expect((await store.readStream(s)).streamVersion).toBe(0);
}

/** `planAppends` chunks (by count and bytes) are each accepted, and chained they write everything. */
export async function checkPlannedAppends(store: EventStore): Promise<void> {
  const s = uniqueStream("planned");
  await store.appendToStream(s, [sampleEvent(s, 0)], { expectedVersion: "no_stream" });
  // 180 events, 36 of them ~250 KB (~9 MB): chunks cut by count and by bytes.
  const events = Array.from({ length: 180 }, (_, i) =>
    i % 5 === 4 ? eventOfSize(s, i + 1, 250_000) : sampleEvent(s, i + 1),
  );
  const chunks = planAppends(s, events, { expectedVersion: 1 });
  expect(chunks.flat()).toEqual(events);
  expect(chunks.every((c) => c.length <= EVENT_STORE_LIMITS.eventsPerAppendExistingStream)).toBe(true);
  expect(chunks.length).toBeGreaterThanOrEqual(3);
  // Some chunk before the last was cut by bytes, not by count.
  expect(chunks.slice(0, -1).some((c) => c.length < EVENT_STORE_LIMITS.eventsPerAppendExistingStream)).toBe(
    true,
  );
  let expectedVersion = 1;
  for (const chunk of chunks) {
    expectedVersion = (await store.appendToStream(s, chunk, { expectedVersion })).lastVersion;
  }
  expect(expectedVersion).toBe(181);
  const fresh = uniqueStream("planned-new");
  const first = planAppends(fresh, many(fresh, 250), { expectedVersion: "no_stream" });
  expect(first.map((c) => c.length)).toEqual([100, 99, 51]);
  expect(await appendInBatches(store, fresh, many(fresh, 250), { expectedVersion: "no_stream" })).toEqual({
    streamId: fresh,
    firstVersion: 1,
    lastVersion: 250,
    alreadyAppended: false,
  });
  const read = await store.readStream(s);
  expect(ids(read.events)).toEqual([sampleEvent(s, 0), ...events].map((e) => e.id));
}

/**
 * Atomic appends across streams (`appendToStreams`): all or nothing. A conflict on one stream
 * writes nothing on the others and names the stream; the transaction rule counts every event plus
 * one check per existing stream (100 items), so 100 events over new streams fit, 101 do not, and
 * 99 events plus one existing stream fit; a claim-checked event travels in it.
 */
export async function checkMultiStreamAppends(store: EventStore, claimCheck = true): Promise<void> {
  if (!isMultiStreamAppender(store)) throw new Error("the adapter has no appendToStreams");
  const a = uniqueStream("multi-a");
  const b = uniqueStream("multi-b");
  await store.appendToStream(a, [sampleEvent(a, 0)], { expectedVersion: "no_stream" });
  const results = await store.appendToStreams([
    { streamId: a, events: [sampleEvent(a, 1), sampleEvent(a, 2)], expectedVersion: 1 },
    { streamId: b, events: [sampleEvent(b, 1)], expectedVersion: "no_stream" },
  ]);
  expect(results.map((r) => [r.firstVersion, r.lastVersion])).toEqual([
    [2, 3],
    [1, 1],
  ]);
  // b already exists: nothing of the write, a's part included, may land.
  const c = uniqueStream("multi-c");
  const refused = await store
    .appendToStreams([
      { streamId: c, events: [sampleEvent(c, 1)], expectedVersion: "no_stream" },
      { streamId: a, events: [sampleEvent(a, 4)], expectedVersion: 3 },
      { streamId: b, events: [sampleEvent(b, 2)], expectedVersion: "no_stream" },
    ])
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(refused).toBeInstanceOf(MultiStreamConflictError);
  expect((refused as MultiStreamConflictError).conflicts).toEqual([
    { streamId: b, expected: "no_stream", actual: 1 },
  ]);
  expect((await store.readStream(c)).streamVersion).toBe(0);
  expect((await store.readStream(a)).streamVersion).toBe(3);
  // 100 single-event new streams: one transaction's worth; 101 is refused before anything is written.
  const prefix = uniqueStream("multi-n");
  const one = (i: number) => ({
    streamId: `${prefix}-${i}`,
    events: [sampleEvent(`${prefix}-${i}`, i)],
    expectedVersion: "no_stream" as const,
  });
  const hundred = Array.from({ length: 100 }, (_, i) => one(i));
  expect(await store.appendToStreams(hundred)).toHaveLength(100);
  const tooMany = Array.from({ length: 101 }, (_, i) => one(1000 + i));
  await expect(store.appendToStreams(tooMany)).rejects.toBeInstanceOf(AppendTooLargeError);
  expect((await store.readStream(`${prefix}-1000`)).streamVersion).toBe(0);
  // 99 events and the check on an existing stream: 100 items.
  const ninetyNine = Array.from({ length: 98 }, (_, i) => one(2000 + i));
  await store.appendToStreams([
    ...ninetyNine,
    { streamId: a, events: [sampleEvent(a, 5)], expectedVersion: 3 },
  ]);
  expect((await store.readStream(a)).streamVersion).toBe(4);
  await expect(
    store.appendToStreams([
      ...Array.from({ length: 99 }, (_, i) => one(3000 + i)),
      { streamId: a, events: [sampleEvent(a, 6)], expectedVersion: 4 },
    ]),
  ).rejects.toBeInstanceOf(AppendTooLargeError);
  if (claimCheck) {
    const big = uniqueStream("multi-big");
    await store.appendToStreams([
      { streamId: big, events: [eventOfSize(big, 1, 430_000)], expectedVersion: "no_stream" },
      { streamId: a, events: [sampleEvent(a, 7)], expectedVersion: 4 },
    ]);
    const read = await store.readStream(big);
    expect(JSON.stringify(read.events[0]?.event).length).toBeGreaterThan(430_000);
  }
}

/** Register the suite as vitest blocks for one adapter. */
export function eventStoreConformance(
  adapter: string,
  factory: EventStoreFactory,
  options: EventStoreConformanceOptions = {},
): void {
  describe(`EventStore conformance: ${adapter}`, () => {
    const run = (check: (store: EventStore) => Promise<void>) => async () => {
      const store = await factory.create();
      try {
        await check(store);
      } finally {
        await factory.teardown?.();
      }
    };
    it("appends and reads a stream", run(checkAppendAndRead));
    it("honours expected version: exact, no_stream, any", run(checkExpectedVersion));
    it(
      "lets exactly one of N racing writers win, with no gaps",
      run((s) => checkConcurrentWriters(s, options.racers ?? 8)),
    );
    it("recognises retried appends by event id", run(checkIdempotentRetries));
    it("reads streams larger than one 1 MB page", run(checkPagination));
    it("orders readAll across streams and resumes from a position", run(checkReadAllOrdering));
    it("takes stream ids up to the replay index's key size, in UTF-8 bytes", run(checkStreamIdLimit));
    it("reads commits of many events whole and in order, resuming at any position", run(checkReadAllCommits));
    if (options.largePayloads !== false)
      it("stores payloads above the 400 KB item limit", run(checkLargePayloads));
    it(
      "takes at most 100 events on a new stream and 99 on an existing one (99/100/101)",
      run(checkEventCountLimits),
    );
    it("takes at most 4 MB of items in one append", run(checkTransactionBytes));
    it("refuses an event above the 400 KB item limit it cannot claim-check", async () => {
      const store = await factory.create();
      const bare = await factory.createWithoutClaimCheck?.();
      try {
        await checkItemLimits(store, {
          claimCheck: options.largePayloads !== false,
          withoutClaimCheck: bare,
        });
      } finally {
        await factory.teardown?.();
      }
    });
    it("accepts every chunk planAppends makes", run(checkPlannedAppends));
    it(
      "appends to several streams atomically, within one transaction's limits",
      run((s) => checkMultiStreamAppends(s, options.largePayloads !== false)),
    );
  });
}
