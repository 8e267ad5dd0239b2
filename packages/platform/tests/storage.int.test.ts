import { signRequest } from "@vigil/events";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoDbAttemptLimiter } from "../src/auth/rate-limit.ts";
import { createReplayTable, DynamoDbReplayGuard, startPlatform } from "../src/index.ts";
import { ACCOUNT, assessed, asset } from "./helpers.ts";

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

  it("failed attempts are counted across instances in the replay table, per address and window", async () => {
    await createReplayTable(aws.clients.dynamodb, "attempts-test");
    const limits = { max: 3, windowMs: 60_000 };
    const a = new DynamoDbAttemptLimiter({
      client: aws.clients.dynamodb,
      tableName: "attempts-test",
      limits,
    });
    const b = new DynamoDbAttemptLimiter({
      client: aws.clients.dynamodb,
      tableName: "attempts-test",
      limits,
    });
    const now = new Date("2025-03-01T12:00:10.000Z");
    // One after the other: DynamoDB Local loses one of two concurrent ADDs that create an item
    // (DynamoDB does not); the counter is a guess limit, so a lost count there is harmless.
    await a.fail("10.0.0.1", now);
    await b.fail("10.0.0.1", now);
    expect(await a.blockedUntil("10.0.0.1", now)).toBeUndefined();
    await b.fail("10.0.0.1", now);
    expect(await a.blockedUntil("10.0.0.1", now)).toBe(Date.parse("2025-03-01T12:01:00.000Z"));
    expect(await a.blockedUntil("10.0.0.2", now)).toBeUndefined();
    expect(await b.blockedUntil("10.0.0.1", new Date("2025-03-01T12:01:00.000Z"))).toBeUndefined();
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

  it("30 agents heartbeating and reporting at once on one platform: no 5xx, every report recorded once", async () => {
    const adminToken = "storage-int-admin-token-0123456789";
    const platform = await startPlatform({
      adminToken,
      localAws: aws,
      tables: { events: "contention-events" },
    });
    const admin = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
    try {
      const agents = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const created = (await (
            await fetch(`${platform.url}/admin/integrations`, {
              method: "POST",
              headers: admin,
              body: JSON.stringify({ accountId: "123456789012", homeRegion: "eu-west-1" }),
            })
          ).json()) as { integrationId: string; registrationToken: string };
          const exchanged = (await (
            await fetch(`${platform.url}/registrations/exchange`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ token: created.registrationToken }),
            })
          ).json()) as { keyId: string; privateKeyPem: string };
          return { integrationId: created.integrationId, ...exchanged };
        }),
      );
      const send = async (agent: (typeof agents)[number], path: string, body: string) => {
        const headers = signRequest({
          method: "POST",
          path,
          body,
          keyId: agent.keyId,
          privateKeyPem: agent.privateKeyPem,
          now: new Date(),
        });
        const res = await fetch(`${platform.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body,
        });
        await res.arrayBuffer();
        return res.status;
      };
      // Every agent: 5 heartbeats and 3 reports of 20 assets of one scan, all at once.
      const statuses = (
        await Promise.all(
          agents.map(async (agent) => {
            const out: number[] = [];
            for (let round = 0; round < 5; round++) {
              const tasks = [
                send(
                  agent,
                  "/agent/heartbeat",
                  JSON.stringify({ agentVersion: "1.0.0", enabledRegions: [] }),
                ),
              ];
              if (round < 3) {
                const events = Array.from({ length: 20 }, (_, i) =>
                  assessed(
                    agent.integrationId,
                    asset("eu-west-1", `b-${round}-${i}`),
                    new Date().toISOString(),
                    [],
                  ),
                );
                tasks.push(send(agent, "/agent/events", JSON.stringify({ events })));
              }
              out.push(...(await Promise.all(tasks)));
            }
            return out;
          }),
        )
      ).flat();
      expect(statuses.filter((s) => s !== 202)).toEqual([]);
      const sample = agents[0];
      if (!sample) throw new Error("no agent");
      await new Promise((r) => setTimeout(r, 300)); // the views' settle window
      const assets = await fetch(`${platform.url}/api/integrations/${sample.integrationId}/assets`, {
        headers: admin,
      });
      expect(((await assets.json()) as { assets: unknown[] }).assets).toHaveLength(60);
    } finally {
      await platform.stop();
    }
  });
});

describe("storage that does not answer", () => {
  // Last in the file: it stops the local stack the tests above share.
  it("a read and a signed write answer 503 storage_unavailable with Retry-After, never an empty answer or a 202", async () => {
    const adminToken = "storage-down-admin-token-0123456789";
    const platform = await startPlatform({ adminToken, localAws: aws });
    try {
      const headers = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };
      const created = await fetch(`${platform.url}/admin/integrations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ accountId: ACCOUNT, homeRegion: "eu-west-1" }),
      });
      const { registrationToken, integrationId } = (await created.json()) as {
        registrationToken: string;
        integrationId: string;
      };
      const key = (await (
        await fetch(`${platform.url}/registrations/exchange`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: registrationToken }),
        })
      ).json()) as { keyId: string; privateKeyPem: string };
      expect((await fetch(`${platform.url}/api/integrations`, { headers })).status).toBe(200);

      await aws.stop();

      const listed = await fetch(`${platform.url}/api/integrations`, { headers });
      expect(listed.status).toBe(503);
      expect(listed.headers.get("retry-after")).toBe("5");
      const body = (await listed.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("storage_unavailable");
      expect(body.error.message).toMatch(
        /did not answer \(E[A-Z]+\); nothing was recorded\. Retry in 5 seconds\./,
      );
      expect(body.error.message).not.toContain("127.0.0.1");
      const page = await fetch(`${platform.url}/dashboard`, {
        headers: { authorization: headers.authorization, accept: "text/html" },
      });
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(await page.text()).toContain("<h1>Storage unavailable</h1>");

      const events = JSON.stringify({
        events: [assessed(integrationId, asset("eu-west-1", "down-bucket"), new Date().toISOString(), [])],
      });
      const signed = await fetch(`${platform.url}/agent/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...signRequest({ method: "POST", path: "/agent/events", body: events, ...key, now: new Date() }),
        },
        body: events,
      });
      expect(signed.status).toBe(503);
      expect(((await signed.json()) as { error: { code: string } }).error.code).toBe("storage_unavailable");
    } finally {
      await platform.stop();
    }
  }, 60_000);
});
