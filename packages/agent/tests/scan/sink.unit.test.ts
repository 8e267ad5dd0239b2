import { createEvent, type VigilEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { bufferedSink, retryingSink } from "../../src/scan/sink.ts";

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
