import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  createEvent,
  type DataOf,
  diffProjections,
  type EventType,
  exampleData,
  exampleHeartbeatV1,
  InMemoryEventStore,
  InMemoryProjectionStore,
  type IntegrationStatusView,
  parseEvent,
  platformProjections,
  rebuildProjections,
  type VigilEvent,
} from "../src/index.ts";

let seq = 0;
function at(minute: number): string {
  return new Date(Date.UTC(2025, 0, 15, 6, minute)).toISOString();
}
function ev<T extends EventType>(
  type: T,
  integrationId: string,
  minute: number,
  data: Partial<DataOf<T>> = {},
): VigilEvent {
  seq += 1;
  return createEvent(type, { ...exampleData[type], ...data } as DataOf<T>, {
    source: "urn:vigil:test",
    integrationId,
    id: `e-${String(seq).padStart(4, "0")}`,
    time: at(minute),
  });
}

function scenario() {
  seq = 0;
  const arn = exampleData["vigil.scan.asset-assessed.v1"].asset.arn;
  const a = "int-a";
  const b = "int-b";
  return {
    streams: {
      [`integration#${a}`]: [
        ev("vigil.integration.registration-requested.v1", a, 0),
        ev("vigil.integration.stack-created.v1", a, 1),
        ev("vigil.integration.heartbeat.v2", a, 30),
      ],
      [`scan#${a}-1`]: [
        ev("vigil.scan.requested.v1", a, 2, { scanId: "s1" }),
        ev("vigil.scan.started.v1", a, 3, { scanId: "s1" }),
        ev("vigil.scan.asset-assessed.v1", a, 4, { scanId: "s1", assessedAt: at(4) }),
        ev("vigil.scan.asset-assessed.v1", a, 5, {
          scanId: "s1",
          assessedAt: at(5),
          results: [
            { checkId: "cis-5.0-5.7", status: "pass", severity: "high", title: "EC2 instance uses IMDSv2" },
          ],
        }),
        ev("vigil.counts.resource-counts-reported.v1", a, 6, { scanId: "s1" }),
        ev("vigil.scan.completed.v1", a, 7, { scanId: "s1" }),
      ],
      [`integration#${b}`]: [
        ev("vigil.integration.registration-requested.v1", b, 0),
        ev("vigil.integration.credentials-issued.v1", b, 1),
        ev("vigil.integration.delete-requested.v1", b, 10),
        ev("vigil.integration.resources-cleaned-up.v1", b, 11),
        ev("vigil.integration.deleted.v1", b, 12),
      ],
    } as Record<string, VigilEvent[]>,
    arn,
  };
}

async function logOf(streams: Record<string, VigilEvent[]>) {
  const log = new InMemoryEventStore();
  for (const [id, events] of Object.entries(streams))
    await log.appendToStream(id, events, { expectedVersion: "no_stream" });
  return log;
}

describe("platform projections", () => {
  it("compute integration status, latest asset report and resource counts", async () => {
    const { streams, arn } = scenario();
    const views = new InMemoryProjectionStore();
    await rebuildProjections(await logOf(streams), platformProjections, views);
    const status = await views.load<IntegrationStatusView>("integration-status", "int-a");
    expect(status?.state).toMatchObject({
      status: "active",
      lastHeartbeatAt: at(30),
      lastScan: { scanId: "s1", status: "completed", at: at(7) },
      components: { agent: "1.4.0", updater: "1.1.0" },
    });
    expect((await views.load<IntegrationStatusView>("integration-status", "int-b"))?.state.status).toBe(
      "deleted",
    );
    const report = await views.load<{ assessedAt: string; totals: unknown }>("asset-report", arn);
    expect(report?.state).toMatchObject({
      assessedAt: at(5),
      totals: { pass: 1, fail: 0, muted: 0, error: 0 },
    });
    const counts = await views.load<{ total: number }>("resource-counts", "int-a");
    expect(counts?.state.total).toBe(59);
    expect(await views.loadCheckpoint("integration-status")).toMatchObject({
      position: expect.stringMatching(/#/),
    });
  });

  it("built live from consumed events (any order, redelivered) equals rebuilt by replay", async () => {
    const { streams } = scenario();
    const rebuilt = new InMemoryProjectionStore();
    await rebuildProjections(await logOf(streams), platformProjections, rebuilt);
    const all = Object.values(streams).flat();
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...all, ...all.slice(0, 5)], {
          minLength: all.length + 5,
          maxLength: all.length + 5,
        }),
        async (delivery) => {
          const live = new InMemoryProjectionStore();
          for (const event of delivery) for (const p of platformProjections) await applyEvent(live, p, event);
          expect(await diffProjections(platformProjections, rebuilt, live)).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("diff finds a view that drifted from the log", async () => {
    const { streams } = scenario();
    const rebuilt = new InMemoryProjectionStore();
    const live = new InMemoryProjectionStore();
    await rebuildProjections(await logOf(streams), platformProjections, rebuilt);
    await rebuildProjections(await logOf(streams), platformProjections, live);
    const doc = await live.load<IntegrationStatusView>("integration-status", "int-b");
    if (!doc) throw new Error("missing");
    await live.save(
      "integration-status",
      "int-b",
      { ...doc, state: { ...doc.state, status: "active" }, revision: doc.revision + 1 },
      doc.revision,
    );
    const diffs = await diffProjections(platformProjections, live, rebuilt);
    expect(diffs).toEqual([
      expect.objectContaining({ projection: "integration-status", key: "int-b", kind: "different" }),
    ]);
  });

  it("state at a point in time replays only events recorded up to it", async () => {
    let now = Date.parse("2025-01-15T07:00:00.000Z");
    const log = new InMemoryEventStore({ now: () => new Date(now) });
    const { streams } = scenario();
    for (const e of streams["integration#int-b"] ?? []) {
      await log.appendToStream("integration#int-b", [e]);
      now += 60_000;
    }
    const views = new InMemoryProjectionStore();
    await rebuildProjections(log, platformProjections, views, { until: "2025-01-15T07:02:30.000Z" });
    expect((await views.load<IntegrationStatusView>("integration-status", "int-b"))?.state.status).toBe(
      "deleting",
    );
  });
});

describe("upcasting in the log", () => {
  it("reads v1 heartbeats stored in the log as v2, and projections use them", async () => {
    const log = new InMemoryEventStore();
    const v1 = exampleHeartbeatV1();
    await log.appendToStream("integration#int-0001", [v1]);
    const [stored] = (await log.readStream("integration#int-0001")).events;
    expect(stored?.event.type).toBe("vigil.integration.heartbeat.v1");
    const parsed = parseEvent(stored?.event);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.event.type).toBe("vigil.integration.heartbeat.v2");
    const views = new InMemoryProjectionStore();
    await rebuildProjections(log, platformProjections, views);
    expect((await views.load<IntegrationStatusView>("integration-status", "int-0001"))?.state).toMatchObject({
      status: "active",
      components: { agent: "1.2.0" },
      enabledRegions: ["eu-west-1"],
      lastHeartbeatAt: v1.time,
    });
  });
});
