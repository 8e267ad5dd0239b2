import { createEvent, DLQ_REASON_ATTRIBUTE, InMemoryBus, InMemoryIdempotencyStore } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { busIngest } from "../src/index.ts";
import { unwrapEventBridgeRecords } from "../src/ingest/bus-ingest.ts";
import { ACCOUNT, assessed, asset, testPlatform } from "./helpers.ts";

/** Consume the platform queue of an in-memory bus until it is empty, then stop. */
async function drain(bus: InMemoryBus, handler: Parameters<InMemoryBus["consume"]>[1]) {
  const stop = new AbortController();
  const running = bus.consume("platform", handler, {
    signal: stop.signal,
    handleSignals: false,
    waitTimeSeconds: 0.05,
    idempotency: new InMemoryIdempotencyStore(),
  });
  const started = Date.now();
  while (bus.queuesOf("platform").queue.size > 0 && Date.now() - started < 5000)
    await new Promise((r) => setTimeout(r, 5));
  stop.abort();
  return running;
}

describe("the platform's bus ingest", () => {
  it("appends what a registered agent publishes, once, and the views show it", async () => {
    const platform = testPlatform();
    const agent = await platform.registeredAgent();
    const report = assessed(agent.integrationId, asset("eu-west-1", "logs"), "2025-03-01T12:00:00.000Z", [
      "high",
    ]);
    const bus = new InMemoryBus();
    await bus.publish([report, report]); // a duplicate delivery
    const stats = await drain(
      bus,
      busIngest(platform.store, () => ACCOUNT),
    );
    expect(stats.handled).toBe(1);
    const logged = (await platform.log()).filter((e) => e.id === report.id);
    expect(logged).toHaveLength(1);
    const res = await platform.app.request(`/api/integrations/${agent.integrationId}/assets`, {
      headers: { authorization: "Bearer admin-token-for-tests-0123456789" },
    });
    const body = (await res.json()) as { assets: { arn: string; failed: number }[] };
    expect(body.assets).toEqual([expect.objectContaining({ arn: "arn:aws:s3:::logs", failed: 1 })]);
  });

  it("dead-letters events of unknown integrations and of other accounts with the reason, writing nothing", async () => {
    const platform = testPlatform();
    const agent = await platform.registeredAgent();
    const before = await platform.log();
    const stranger = assessed("int-unknown", asset("eu-west-1", "x"), "2025-03-01T12:00:00.000Z", []);
    const otherAccount = assessed(
      agent.integrationId,
      { ...asset("eu-west-1", "y"), accountId: "999999999999" },
      "2025-03-01T12:00:00.000Z",
      [],
    );
    const bus = new InMemoryBus();
    await bus.publish([stranger, otherAccount]);
    await drain(
      bus,
      busIngest(platform.store, () => ACCOUNT),
    );
    const reasons = Object.fromEntries(
      bus
        .queuesOf("platform")
        .deadLetter.peek()
        .map((d) => [JSON.parse(d.body).id, d.attributes[DLQ_REASON_ATTRIBUTE]]),
    );
    expect(reasons[stranger.id]).toMatch(/^rejected: integration int-unknown is not registered/);
    expect(reasons[otherAccount.id]).toMatch(/^rejected: account_mismatch/);
    expect(await platform.log()).toEqual(before);
  });

  it("lists an asset the latest full scan of its region no longer found as removed, with its last report", async () => {
    const platform = testPlatform();
    const agent = await platform.registeredAgent();
    const admin = { authorization: "Bearer admin-token-for-tests-0123456789" };
    const kept = asset("eu-west-1", "kept");
    const deleted = asset("eu-west-1", "deleted");
    const otherRegion = asset("us-east-1", "other");
    const completed = (scanId: string, time: string, durationMs: number, regions: string[]) =>
      createEvent(
        "vigil.scan.completed.v1",
        {
          scanId,
          assetCount: 1,
          results: { pass: 1, fail: 0, muted: 0, error: 0 },
          failedBySeverity: {},
          durationMs,
          coverage: { regions },
        },
        { source: "urn:vigil:agent:test", integrationId: agent.integrationId, time: new Date(time) },
      );
    const bus = new InMemoryBus();
    await bus.publish([
      assessed(agent.integrationId, kept, "2025-03-01T12:00:00.000Z", []),
      assessed(agent.integrationId, deleted, "2025-03-01T12:00:00.000Z", ["high"]),
      assessed(agent.integrationId, otherRegion, "2025-03-01T12:00:00.000Z", []),
      // The next full scan of eu-west-1 (13:00–13:10) finds only `kept`.
      { ...assessed(agent.integrationId, kept, "2025-03-01T13:05:00.000Z", []), id: "kept-again" },
      completed("scan-2", "2025-03-01T13:10:00.000Z", 600_000, ["eu-west-1", "global"]),
    ]);
    await drain(
      bus,
      busIngest(platform.store, () => ACCOUNT),
    );
    const res = await platform.app.request(`/api/integrations/${agent.integrationId}/assets`, {
      headers: admin,
    });
    const body = (await res.json()) as {
      assets: { arn: string }[];
      removed: { arn: string; goneSince: string; assessedAt: string }[];
    };
    expect(body.assets.map((a) => a.arn)).toEqual([otherRegion.arn, kept.arn].sort());
    expect(body.removed).toEqual([
      expect.objectContaining({
        arn: deleted.arn,
        assessedAt: "2025-03-01T12:00:00.000Z",
        goneSince: "2025-03-01T13:00:00.000Z",
      }),
    ]);
    // Its last report stays readable by ARN, and the dashboard lists it apart from the findings.
    const report = await platform.app.request(
      `/api/integrations/${agent.integrationId}/reports?arn=${encodeURIComponent(deleted.arn)}`,
      { headers: admin },
    );
    expect(((await report.json()) as { reports: { goneSince?: string }[] }).reports).toEqual([
      expect.objectContaining({ goneSince: "2025-03-01T13:00:00.000Z" }),
    ]);
    const page = await (
      await platform.app.request(`/dashboard/integrations/${agent.integrationId}`, { headers: admin })
    ).text();
    expect(page).toContain('id="removed"');
  });

  it("takes the sender from EventBridge's envelope: another account of the organization cannot report for this one", async () => {
    const platform = testPlatform();
    const agent = await platform.registeredAgent();
    const before = await platform.log();
    const forged = assessed(agent.integrationId, asset("eu-west-1", "z"), "2025-03-01T12:00:00.000Z", [
      "high",
    ]);
    const bus = new InMemoryBus();
    await bus.publish([forged]);
    await drain(
      bus,
      busIngest(platform.store, () => "210987654321"),
    );
    const [dead] = bus.queuesOf("platform").deadLetter.peek();
    expect(dead?.attributes[DLQ_REASON_ATTRIBUTE]).toMatch(
      /^rejected: account_mismatch: sent from account 210987654321, but integration .* covers account 123456789012/,
    );
    // No envelope (no sender EventBridge vouches for): refused too.
    const bare = new InMemoryBus();
    await bare.publish([forged]);
    await drain(bare, busIngest(platform.store));
    expect(bare.queuesOf("platform").deadLetter.peek()[0]?.attributes[DLQ_REASON_ATTRIBUTE]).toMatch(
      /no sender account/,
    );
    expect(await platform.log()).toEqual(before);
  });

  it("reads the queue's EventBridge envelopes: the detail is the event, the account its sender", () => {
    const report = assessed("int-1", asset("eu-west-1", "a"), "2025-03-01T12:00:00.000Z", []);
    const envelope = {
      version: "0",
      id: "e1",
      "detail-type": report.type,
      source: report.source,
      account: "210987654321",
      region: "us-east-1",
      detail: report,
    };
    const { event, senderOf } = unwrapEventBridgeRecords({
      Records: [
        { messageId: "m1", body: JSON.stringify(envelope) },
        { messageId: "m2", body: JSON.stringify(report) },
      ] as never,
    });
    expect(JSON.parse(event.Records[0]?.body ?? "")).toEqual(report);
    expect(senderOf("m1")).toBe("210987654321");
    expect(senderOf("m2")).toBeUndefined();
  });
});
