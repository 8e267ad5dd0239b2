import { createIdempotencyTable, DynamoDbIdempotencyStore, idempotencyTableNameFor } from "@vigil/events";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let aws: LocalAws;
const table = idempotencyTableNameFor("idem-test");
beforeAll(async () => {
  aws = await startLocalAws();
  await createIdempotencyTable(aws.clients.dynamodb, table);
});
afterAll(async () => {
  await aws?.stop();
});

describe("DynamoDbIdempotencyStore on DynamoDB Local", () => {
  it("gives the lock to exactly one of many concurrent deliveries", async () => {
    const store = new DynamoDbIdempotencyStore({ client: aws.clients.dynamodb, tableName: table });
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim("platform#src#e1")));
    expect(claims.filter((c) => c === "acquired")).toHaveLength(1);
    expect(claims.filter((c) => c === "in-progress")).toHaveLength(7);
  });

  it("marks completed only after success; a failed handler's release lets the next delivery in", async () => {
    const store = new DynamoDbIdempotencyStore({ client: aws.clients.dynamodb, tableName: table });
    expect(await store.claim("k2")).toBe("acquired");
    await store.release("k2");
    expect(await store.claim("k2")).toBe("acquired");
    await store.complete("k2");
    expect(await store.claim("k2")).toBe("completed");
    await store.release("k2"); // a late release never undoes a completion
    expect(await store.claim("k2")).toBe("completed");
  });

  it("lets a delivery take over a lock whose holder crashed, once the lock expired", async () => {
    let now = Date.parse("2025-01-15T06:00:00Z");
    const store = new DynamoDbIdempotencyStore({
      client: aws.clients.dynamodb,
      tableName: table,
      lockSeconds: 60,
      now: () => now,
    });
    expect(await store.claim("k3")).toBe("acquired");
    now += 30_000;
    expect(await store.claim("k3")).toBe("in-progress");
    now += 31_000;
    expect(await store.claim("k3")).toBe("acquired");
  });
});
