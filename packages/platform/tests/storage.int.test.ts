import { type LocalAws, startLocalAws } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReplayTable, DynamoDbReplayGuard, startPlatform } from "../src/index.ts";

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws?.stop());

describe("platform on DynamoDB Local", () => {
  it("the shared replay guard accepts a signature once, across instances, until it is stale", async () => {
    await createReplayTable(aws.clients.dynamodb, "replay-test");
    const a = new DynamoDbReplayGuard({ client: aws.clients.dynamodb, tableName: "replay-test" });
    const b = new DynamoDbReplayGuard({ client: aws.clients.dynamodb, tableName: "replay-test" });
    const now = new Date("2025-03-01T12:00:00.000Z");
    const forgetAfter = new Date(now.getTime() + 5 * 60_000);
    const results = await Promise.all([
      a.firstUse("sig-1", forgetAfter, now),
      b.firstUse("sig-1", forgetAfter, now),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await b.firstUse("sig-2", forgetAfter, now)).toBe(true);
    // Past its expiry the item no longer blocks (TTL may not have deleted it yet).
    expect(await a.firstUse("sig-1", forgetAfter, new Date(forgetAfter.getTime() + 2000))).toBe(true);
  });

  it("startPlatform with localAws keeps the log in DynamoDB: a second platform on the same tables sees it", async () => {
    const adminToken = "storage-int-admin-token-0123456789";
    const first = await startPlatform({ adminToken, localAws: aws });
    const headers = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
    const created = await fetch(`${first.url}/admin/integrations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ accountId: "123456789012", homeRegion: "eu-west-1" }),
    });
    expect(created.status).toBe(201);
    const { integrationId } = (await created.json()) as { integrationId: string };
    expect(first.storage).toContain("DynamoDB Local");
    await first.stop();
    const second = await startPlatform({ adminToken, localAws: aws });
    try {
      const events = await fetch(`${second.url}/api/integrations/${integrationId}/events`, { headers });
      expect(events.status).toBe(200);
      expect(((await events.json()) as { events: { type: string }[] }).events.map((e) => e.type)).toEqual([
        "vigil.integration.registration-requested.v1",
      ]);
    } finally {
      await second.stop();
    }
  });
});
