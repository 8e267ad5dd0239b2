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
  rebuildProjections,
} from "@vigil/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOfSize, eventStoreConformance } from "../../src/conformance/index.ts";
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
});
