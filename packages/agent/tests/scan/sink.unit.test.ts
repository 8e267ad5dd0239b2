import { consumersFor, createEvent, exampleEvents, type VigilEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { bufferedSink, goesOnTopic, KEPT_LOCAL, outboundSink, retryingSink } from "../../src/scan/sink.ts";

const event = (n: number): VigilEvent =>
  createEvent(
    "vigil.scan.failed.v1",
    {
      scanId: `scan-${n}`,
      error: { code: "x", message: `failed ${n}`, retryable: false },
      completedShards: 0,
      failedShards: [],
    },
    { source: "urn:vigil:agent:111111111111", integrationId: "int-aaaaaaaaaaaa" },
  ) as VigilEvent;

describe("the agent's copy to the platform", () => {
  it("keeps what the platform refused and sends it first at the next flush, even an empty one", async () => {
    const received: string[] = [];
    let down = true;
    const logs: { level: string; data: Record<string, unknown> }[] = [];
    const sink = retryingSink(
      async (events) => {
        if (down) throw new Error("PutEvents timed out");
        received.push(...events.map((e) => e.id));
      },
      (level, _message, data) => logs.push({ level, data }),
      100,
    );
    const outbox = bufferedSink(sink);
    const [a, b, c] = [event(1), event(2), event(3)];
    await outbox.publish([a, b]);
    await outbox.flush(); // the platform is down: nothing thrown, nothing lost
    expect(sink.pending()).toBe(2);
    expect(logs).toEqual([{ level: "warn", data: expect.objectContaining({ events: 2, kept: 2 }) }]);
    down = false;
    await outbox.flush(); // nothing new recorded: the kept ones go anyway
    expect(received).toEqual([a.id, b.id]);
    await outbox.publish([c]);
    await outbox.flush();
    expect(received).toEqual([a.id, b.id, c.id]);
    expect(sink.pending()).toBe(0);
  });

  it("keeps at most its bound, dropping the oldest and saying how many", async () => {
    const logs: { level: string; data: Record<string, unknown> }[] = [];
    const sink = retryingSink(
      async () => {
        throw new Error("down");
      },
      (level, _message, data) => logs.push({ level, data }),
      3,
    );
    await sink([event(1), event(2)]);
    await sink([event(3), event(4)]);
    expect(sink.pending()).toBe(3);
    expect(logs.at(-1)).toEqual({ level: "error", data: expect.objectContaining({ dropped: 1, kept: 3 }) });
  });
});

describe("where the agent's events go", () => {
  const types = (events: readonly VigilEvent[]) => [...new Set(events.map((e) => e.type))].sort();
  const run = async (direct: boolean) => {
    const topic: VigilEvent[] = [];
    const platform: VigilEvent[] = [];
    const sink = outboundSink({
      publish: async (events) => {
        topic.push(...events);
      },
      ...(direct
        ? { toPlatform: async (events: readonly VigilEvent[]) => void platform.push(...events) }
        : {}),
    });
    await sink(exampleEvents());
    return { topic, platform };
  };

  it("with the platform reached directly: the topic carries only what a subscriber in the account takes", async () => {
    const { topic, platform } = await run(true);
    const all = exampleEvents().filter((e) => !KEPT_LOCAL.has(e.type));
    expect(platform.map((e) => e.id)).toEqual(all.map((e) => e.id));
    // What the updater acts on goes through the topic; results, and the agent's own requests
    // (it already acted on them), do not.
    expect(types(topic)).toEqual(types(all.filter((e) => consumersFor(e.type).includes("updater"))));
    expect(types(topic)).toContain("vigil.update.requested.v1");
    expect(types(topic)).not.toContain("vigil.scan.requested.v1");
    for (const result of [
      "vigil.scan.asset-assessed.v1",
      "vigil.scan.shard-digest.v1",
      "vigil.scan.completed.v1",
      "vigil.counts.resource-counts-reported.v1",
    ])
      expect(types(topic)).not.toContain(result);
  });

  it("without it (the local stack's platform subscribes to the topic): everything but the agent's bookkeeping", async () => {
    const { topic, platform } = await run(false);
    expect(platform).toEqual([]);
    expect(types(topic)).toEqual(
      types(
        exampleEvents().filter(
          (e) => !KEPT_LOCAL.has(e.type) && consumersFor(e.type).some((c) => c !== "agent"),
        ),
      ),
    );
    expect(types(topic)).toContain("vigil.scan.asset-assessed.v1");
    expect(types(topic)).not.toContain("vigil.scan.shard-completed.v1");
  });

  it("puts a type on the topic exactly when a subscription in reach takes it", () => {
    expect(goesOnTopic("vigil.update.requested.v1", true)).toBe(true);
    expect(goesOnTopic("vigil.scan.requested.v1", true)).toBe(false);
    expect(goesOnTopic("vigil.scan.requested.v1", false)).toBe(true);
    expect(goesOnTopic("vigil.ebs.scanned.v1", true)).toBe(false);
    expect(goesOnTopic("vigil.scan.asset-assessed.v1", true)).toBe(false);
    expect(goesOnTopic("vigil.scan.asset-assessed.v1", false)).toBe(true);
    expect(goesOnTopic("vigil.nothing.subscribes.v1", false)).toBe(false);
  });
});
