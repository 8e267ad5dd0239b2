import { DLQ_REASON_ATTRIBUTE, InMemoryBus, InMemoryIdempotencyStore } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { busIngest } from "../src/index.ts";
import { assessed, asset, testPlatform } from "./helpers.ts";

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
    const stats = await drain(bus, busIngest(platform.store));
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
    await drain(bus, busIngest(platform.store));
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
});
