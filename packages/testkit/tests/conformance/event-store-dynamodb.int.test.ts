import { DescribeTableCommand, PutItemCommand, paginateScan } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import {
  createEventTable,
  createProjectionTable,
  DynamoDbEventStore,
  DynamoDbProjectionStore,
  diffProjections,
  exampleEvents,
  exampleHeartbeatV1,
  InMemoryProjectionStore,
  PayloadTooLargeError,
  platformProjections,
  REPLAY_INDEX_SHARDS,
  type RecordedEvent,
  rebuildProjections,
  storedItemAttributes,
  type VigilEvent,
} from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOfSize, eventStoreConformance, sampleEvent } from "../../src/conformance/index.ts";
import { type LocalAws, startLocalAws } from "../../src/index.ts";

let local: LocalAws;
const bucket = "vigil-event-payloads";
let tables = 0;

beforeAll(async () => {
  local = await startLocalAws({ dynamodb: true });
  await local.clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
});
afterAll(async () => {
  await local?.stop();
});

async function freshStore(claimCheck = true): Promise<DynamoDbEventStore> {
  tables += 1;
  const tableName = `events-${tables}`;
  await createEventTable(local.clients.dynamodb, tableName);
  return new DynamoDbEventStore({
    client: local.clients.dynamodb,
    tableName,
    // DynamoDB Local updates the GSI synchronously; real tables keep the default settle window.
    settleMs: 0,
    claimCheck: claimCheck ? { s3: local.clients.s3, bucket } : undefined,
  });
}

/** Every event from `since` on, a page of `limit` at a time, as a replay reads them. */
async function readPages(store: DynamoDbEventStore, limit: number, since?: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let position = since; ; ) {
    const page = await store.readAll({ since: position, limit });
    events.push(...page.events);
    position = page.position;
    if (!page.more) return events;
  }
}

/**
 * Puts an event's item straight into the table in the store's own layout (`storedItemAttributes`),
 * as a writer the reader cannot see would: one landing late, or an earlier release's.
 */
async function putRawEvent(
  table: string,
  streamId: string,
  event: VigilEvent,
  recordedAt: string,
  timeBucket?: string,
): Promise<void> {
  const attributes = storedItemAttributes({
    streamId,
    version: 1,
    recordedAt,
    id: event.id,
    type: event.type,
    json: JSON.stringify(event),
  });
  if (timeBucket !== undefined) attributes.timeBucket = timeBucket;
  const Item = Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name, name === "sk" ? { N: value } : { S: value }]),
  );
  await local.clients.dynamodb.send(new PutItemCommand({ TableName: table, Item }));
}

eventStoreConformance("DynamoDB Local", {
  create: () => freshStore(),
  createWithoutClaimCheck: () => freshStore(false),
});

describe("DynamoDB event store specifics", () => {
  it("rejects a payload above the item limit when no claim-check bucket is configured", async () => {
    const store = await freshStore(false);
    await expect(store.appendToStream("big#1", [eventOfSize("big#1", 1, 500_000)])).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
  });

  it("rejects an append that cannot fit one transaction, saying how to split it", async () => {
    const store = await freshStore();
    const events = Array.from({ length: 101 }, (_, i) => eventOfSize("many#1", i, 100));
    await expect(store.appendToStream("many#1", events)).rejects.toThrow(
      /at most 100 events.*appendInBatches/s,
    );
    expect((await store.readStream("many#1")).streamVersion).toBe(0);
  });

  it("lets appends to one stream from one process take turns: each written once, in call order", async () => {
    const store = await freshStore();
    const writes: string[] = [];
    const client = local.clients.dynamodb;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^(PutItem|TransactWriteItems)Command$/.test(String(context.commandName)))
          writes.push(String(context.commandName));
        return next(args);
      },
      { step: "initialize", name: "countWrites" },
    );
    try {
      const writers = 30;
      const results = await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          store.appendToStream("shared#1", [eventOfSize("shared#1", i, 100)], { expectedVersion: "any" }),
        ),
      );
      // No writer lost a race to another one of this process: one write each, none retried.
      expect(writes).toHaveLength(writers);
      expect(results.map((r) => r.firstVersion)).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
      const read = await store.readStream("shared#1");
      expect(read.events.map((e) => e.event.id)).toEqual(
        results.map((_, i) => eventOfSize("shared#1", i, 100).id),
      );
      // A refused append does not stop the ones queued behind it.
      const refused = store.appendToStream("shared#1", [eventOfSize("shared#1", 99, 100)], {
        expectedVersion: 1,
      });
      const next = store.appendToStream("shared#1", [eventOfSize("shared#1", 100, 100)]);
      await expect(refused).rejects.toThrow(/expected|version/i);
      await expect(next).resolves.toMatchObject({ firstVersion: writers + 1 });
    } finally {
      client.middlewareStack.remove("countWrites");
    }
  });

  it("rebuilds projections into DynamoDB identical to an in-memory rebuild, v1 events upcast", async () => {
    const store = await freshStore();
    await store.appendToStream("integration#int-0001", [exampleHeartbeatV1(), ...exampleEvents()]);
    await createProjectionTable(local.clients.dynamodb, "projections-1");
    const stored = new DynamoDbProjectionStore({
      client: local.clients.dynamodb,
      tableName: "projections-1",
    });
    const memory = new InMemoryProjectionStore();
    const progress = await rebuildProjections(store, platformProjections, stored);
    await rebuildProjections(store, platformProjections, memory);
    expect(progress).toMatchObject({ events: exampleEvents().length + 1, invalid: 0 });
    expect((await stored.list("integration-status")).length).toBe(1);
    expect(await diffProjections(platformProjections, stored, memory)).toEqual([]);
    expect((await stored.loadCheckpoint("asset-report"))?.position).toBe(progress.position);
  });

  it("spreads the replay index over the day's shards by stream, and reads them back merged in position order", async () => {
    const store = await freshStore();
    // One partition per day would take every write of the moment: ~1,000 WCU/s caps the whole log.
    const streams = Array.from({ length: 160 }, (_, i) => `asset#${i}`); // the hash is fixed: these cover all 16
    for (let i = 0; i < streams.length; i += 40)
      await Promise.all(
        streams.slice(i, i + 40).map((s, j) => store.appendToStream(s, [eventOfSize(s, i + j, 100)])),
      );
    // One stream with more events than a partition's page, so its partition is read page after page.
    const busy = Array.from({ length: 150 }, (_, i) => eventOfSize("asset#busy", 1000 + i, 100));
    await store.appendToStream("asset#busy", busy.slice(0, 100));
    await store.appendToStream("asset#busy", busy.slice(100));
    const table = `events-${tables}`;
    const byStream = new Map<string, Set<string>>();
    const pages = paginateScan(
      { client: local.clients.dynamodb },
      { TableName: table, ProjectionExpression: "pk, timeBucket" },
    );
    for await (const page of pages)
      for (const item of page.Items ?? []) {
        const stream = item.pk?.S ?? "";
        byStream.set(stream, (byStream.get(stream) ?? new Set()).add(item.timeBucket?.S ?? ""));
      }
    expect(byStream.size).toBe(streams.length + 1);
    const buckets = new Set([...byStream.values()].flatMap((b) => [...b]));
    expect(buckets.size).toBe(REPLAY_INDEX_SHARDS);
    for (const bucket of buckets) expect(bucket).toMatch(/^\d{4}-\d{2}-\d{2}#0[0-9a-f]$/);
    // A stream keeps one partition: its events stay in version order within it.
    expect([...byStream.values()].every((b) => b.size === 1)).toBe(true);

    const whole = await store.readAll({ limit: 10_000 });
    expect(whole.events).toHaveLength(streams.length + busy.length);
    const positions = whole.events.map((e) => e.position);
    expect(positions).toEqual([...positions].sort());
    expect(whole.events.filter((e) => e.streamId === "asset#busy").map((e) => e.version)).toEqual(
      busy.map((_, i) => i + 1),
    );
    // Pages of any size resume exactly where the last one ended.
    for (const limit of [1, 9, 64])
      expect((await readPages(store, limit)).map((e) => e.position)).toEqual(positions);
    // What a page read past its end is kept for the next page: a whole replay reads each item once.
    let itemsRead = 0;
    const client = local.clients.dynamodb;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === "QueryCommand")
          itemsRead += (result.output as { Items?: unknown[] }).Items?.length ?? 0;
        return result;
      },
      { step: "initialize", name: "countQueriedItems" },
    );
    try {
      expect(await readPages(store, 64)).toHaveLength(positions.length);
      expect(itemsRead).toBe(positions.length);
    } finally {
      client.middlewareStack.remove("countQueriedItems");
    }
  });

  it("still reads events indexed under the day alone, as the log was indexed before it was sharded", async () => {
    const store = await freshStore();
    await store.appendToStream("asset#new", [eventOfSize("asset#new", 1, 100)]);
    const [written] = (await store.readAll()).events;
    if (!written) throw new Error("the first event was not stored");
    // An earlier release's item: same layout, its index partition the day, recorded a moment before.
    const recordedAt = new Date(Date.parse(written.recordedAt) - 1).toISOString();
    const legacy = eventOfSize("asset#old", 2, 100);
    await putRawEvent(`events-${tables}`, "asset#old", legacy, recordedAt, recordedAt.slice(0, 10));
    const all = await store.readAll();
    expect(all.events.map((e) => [e.streamId, e.event.id])).toEqual([
      ["asset#old", legacy.id],
      ["asset#new", written.event.id],
    ]);
  });

  it("a replay resuming from its last page re-reads what was past that page's cutoff: an append landing late is not skipped", async () => {
    tables += 1;
    const table = `events-${tables}`;
    await createEventTable(local.clients.dynamodb, table);
    // 10:00 UTC on the table's creation day: a full replay starts at that day (no event is older
    // than its table), so a fixed date would pass only until the day after it.
    const created = (await local.clients.dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table
      ?.CreationDateTime;
    if (!created) throw new Error(`table ${table} has no creation time`);
    const t0 = Date.parse(`${created.toISOString().slice(0, 10)}T10:00:00.000Z`);
    let clock = t0;
    const store = new DynamoDbEventStore({
      client: local.clients.dynamodb,
      tableName: table,
      settleMs: 50,
      now: () => new Date(clock),
    });
    const streams = Array.from({ length: 40 }, (_, i) => `asset#late-${i}`);
    for (const [i, s] of streams.entries()) {
      clock = t0 + i * 2; // recorded at t0, t0 + 2 ms, … t0 + 78 ms
      await store.appendToStream(s, [sampleEvent(s, i)]);
    }
    // The first page at t0 + 100 ms: settled up to t0 + 50 ms; the partitions were read past it.
    clock = t0 + 100;
    const first = await store.readAll({ limit: 5 });
    expect(first.events.map((e) => e.streamId)).toEqual(streams.slice(0, 5));
    // An append stamped at t0 + 61 ms lands only now (in flight during the first page, within the
    // settle window), in a partition already read to its end and past the cutoff.
    const recordedAt = new Date(t0 + 61).toISOString();
    const late = sampleEvent("asset#late-landing", 99);
    await putRawEvent(table, "asset#late-landing", late, recordedAt);
    clock = t0 + 1_000;
    const rest = (await readPages(store, 5, first.position)).map((e) => e.streamId);
    const expected = [...streams.slice(5, 31), "asset#late-landing", ...streams.slice(31)];
    expect(rest).toEqual(expected);
  });
});
