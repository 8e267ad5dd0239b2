import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  applyToDocument,
  assetGoneSince,
  catchUpProjections,
  createEvent,
  type DataOf,
  DocumentFolder,
  diffProjections,
  type EventType,
  exampleData,
  exampleHeartbeatV1,
  InMemoryEventStore,
  InMemoryProjectionStore,
  type IntegrationStatusView,
  integrationAlertsProjection,
  integrationStatusOf,
  integrationStatusProjection,
  keysOf,
  type LifecycleMark,
  type ProjectionDocument,
  parseEvent,
  platformProjections,
  RECENT_EVENT_IDS,
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
  return createEvent(type, { ...exampleData[type], ...data } as unknown as DataOf<T>, {
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
    const report = await views.load<{ assessedAt: string; totals: unknown }>("asset-report", `int-a/${arn}`);
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

describe("integration lifecycle across re-installs", () => {
  function lifecycleEvents() {
    seq = 0;
    const id = "int-r";
    return [
      ev("vigil.integration.registration-requested.v1", id, 0),
      ev("vigil.integration.credentials-issued.v1", id, 1),
      ev("vigil.integration.heartbeat.v2", id, 5),
      ev("vigil.integration.delete-requested.v1", id, 10),
      ev("vigil.integration.resources-cleaned-up.v1", id, 11),
      ev("vigil.integration.deleted.v1", id, 12),
      ev("vigil.integration.registration-requested.v1", id, 20, { homeRegion: "us-east-1" }),
      ev("vigil.integration.credentials-issued.v1", id, 21),
    ];
  }

  it("a new registration after deletion makes the integration active again, in any delivery order", async () => {
    const events = lifecycleEvents();
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        async (delivery) => {
          const live = new InMemoryProjectionStore();
          for (const event of delivery) await applyEvent(live, platformProjections[0] as never, event);
          const view = (await live.load<IntegrationStatusView>("integration-status", "int-r"))?.state;
          expect(view).toMatchObject({
            status: "active",
            statusChangedAt: at(21),
            createdAt: at(0),
            homeRegion: "eu-west-1",
          });
          expect(view?.lifecycle).toHaveLength(7);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("stays deleted until a registration follows the deletion; a late old heartbeat changes nothing", () => {
    const marks = [
      { status: "registering", at: at(0), eventId: "a" },
      { status: "active", at: at(1), eventId: "b" },
      { status: "deleted", at: at(12), eventId: "c" },
    ] as const;
    expect(integrationStatusOf([...marks], at(5))).toEqual({ status: "deleted", since: at(12) });
    expect(
      integrationStatusOf([...marks, { status: "registering", at: at(20), eventId: "d" }], at(5)),
    ).toEqual({ status: "registering", since: at(20) });
    expect(integrationStatusOf([], undefined)).toEqual({ status: "registering", since: undefined });
  });
});

describe("a revoked credential", () => {
  function revokedInstallation() {
    seq = 0;
    const id = "int-v";
    return [
      ev("vigil.integration.registration-requested.v1", id, 0),
      ev("vigil.integration.credentials-issued.v1", id, 1),
      ev("vigil.integration.stack-created.v1", id, 2),
      ev("vigil.integration.heartbeat.v2", id, 3),
      ev("vigil.integration.credentials-revoked.v1", id, 4),
    ];
  }

  it("puts the integration back to registering, in any delivery order; a heartbeat from before changes nothing", async () => {
    const events = revokedInstallation();
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        async (delivery) => {
          const live = new InMemoryProjectionStore();
          for (const event of delivery) await applyEvent(live, platformProjections[0] as never, event);
          const view = (await live.load<IntegrationStatusView>("integration-status", "int-v"))?.state;
          expect(view).toMatchObject({ status: "registering", statusChangedAt: at(4), createdAt: at(0) });
        },
      ),
      { numRuns: 30 },
    );
  });

  it("a new token and its exchange after the revocation make it active again", async () => {
    const events = [
      ...revokedInstallation(),
      ev("vigil.integration.registration-requested.v1", "int-v", 10),
      ev("vigil.integration.credentials-issued.v1", "int-v", 11),
    ];
    const rebuilt = new InMemoryProjectionStore();
    await rebuildProjections(await logOf({ "integration#int-v": events }), platformProjections, rebuilt);
    const view = (await rebuilt.load<IntegrationStatusView>("integration-status", "int-v"))?.state;
    expect(view).toMatchObject({ status: "active", statusChangedAt: at(11) });
  });
});

describe("catch-up and listing", () => {
  it("continues stored documents from the checkpoint instead of starting them afresh", async () => {
    const { streams, arn } = scenario();
    const log = await logOf({ "integration#int-a": streams["integration#int-a"] ?? [] });
    const views = new InMemoryProjectionStore();
    await catchUpProjections(log, platformProjections, views);
    const before = await views.load<IntegrationStatusView>("integration-status", "int-a");
    expect(before?.state.lastScan).toBeUndefined();
    await log.appendToStream("scan#int-a-1", streams["scan#int-a-1"] ?? []);
    const progress = await catchUpProjections(log, platformProjections, views);
    expect(progress.events).toBe(6);
    const after = await views.load<IntegrationStatusView>("integration-status", "int-a");
    // Kept from the first catch-up (a fresh document would have lost them) and extended.
    expect(after?.state).toMatchObject({ lastHeartbeatAt: at(30), lastScan: { status: "completed" } });
    const rebuilt = new InMemoryProjectionStore();
    await rebuildProjections(log, platformProjections, rebuilt);
    expect(await diffProjections(platformProjections, rebuilt, views)).toEqual([]);
    expect((await views.list("asset-report", { keyPrefix: "int-a/" })).map((d) => d.key)).toEqual([
      `int-a/${arn}`,
    ]);
    expect(await views.list("asset-report", { keyPrefix: "int-b/" })).toEqual([]);
  });

  it("keeps the latest alerts per integration newest first", async () => {
    seq = 0;
    const live = new InMemoryProjectionStore();
    const alerts = [3, 1, 2].map((m) => ev("vigil.update.alert-raised.v1", "int-a", m, { message: `m${m}` }));
    for (const e of [...alerts, alerts[0] as VigilEvent])
      await applyEvent(live, integrationAlertsProjection, e);
    const doc = await live.load<{ message: string }[]>("integration-alerts", "int-a");
    expect(doc?.state.map((a) => a.message)).toEqual(["m3", "m2", "m1"]);
  });
});

describe("the replay fold", () => {
  it("folds in place to exactly the documents step-by-step applyToDocument gives: state, revision, id window", () => {
    const { streams } = scenario();
    const base = Object.values(streams).flat();
    // More heartbeats than the id window holds, so the window slides and old ids leave it.
    const beats = Array.from({ length: RECENT_EVENT_IDS + 40 }, (_, i) =>
      ev("vigil.integration.heartbeat.v2", "int-a", 40 + (i % 15)),
    );
    const all = [...base, ...beats];
    fc.assert(
      fc.property(
        // Every event once in some order, then redeliveries: early ones have left the id window by then.
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        fc.subarray(all),
        (order, again) => {
          const events = [...order, ...again];
          const folder = new DocumentFolder(platformProjections);
          for (const e of events) folder.apply(e);
          platformProjections.forEach((projection, i) => {
            const reference = new Map<string, ProjectionDocument<unknown>>();
            for (const e of events) {
              if (!projection.handles.includes(e.type)) continue;
              for (const key of keysOf(projection, e)) {
                const next = applyToDocument(projection, key, reference.get(key), e);
                if (next) reference.set(key, next);
              }
            }
            const folded = new Map([...folder.documents(i)].filter(([, d]) => d !== undefined));
            expect(folded).toEqual(reference);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("assets a full scan no longer finds", () => {
  const assetIn = (region: string, name: string, type = "aws.ec2.instance") => ({
    arn: `arn:aws:ec2:${region === "global" ? "us-east-1" : region}:123456789012:instance/${name}`,
    type,
    region,
    accountId: "123456789012",
    tags: {},
  });
  const assessed = (scanId: string, minute: number, asset: ReturnType<typeof assetIn>) =>
    ev("vigil.scan.asset-assessed.v1", "int-c", minute, {
      scanId,
      assessedAt: at(minute),
      asset,
      results: [],
    });
  const completed = (
    scanId: string,
    startMinute: number,
    endMinute: number,
    coverage?: { regions: string[]; assetTypes?: string[] },
  ) => {
    const e = ev("vigil.scan.completed.v1", "int-c", endMinute, {
      scanId,
      durationMs: (endMinute - startMinute) * 60_000,
    });
    const data = { ...(e.data as Record<string, unknown>) };
    delete data.coverage;
    return { ...e, data: coverage ? { ...data, coverage } : data } as VigilEvent;
  };

  it("marks reports older than the latest full scan of their region gone, in any delivery order", async () => {
    seq = 500;
    const kept = assetIn("eu-west-1", "i-kept");
    const deleted = assetIn("eu-west-1", "i-deleted");
    const elsewhere = assetIn("ap-south-1", "i-elsewhere");
    const iamUser = assetIn("global", "u-gone", "aws.iam.user");
    const rescanned = assetIn("eu-west-1", "i-rescanned");
    const events = [
      // Scan 1 (06:00–06:05) sees all of them.
      assessed("s1", 1, kept),
      assessed("s1", 1, deleted),
      assessed("s1", 2, elsewhere),
      assessed("s1", 2, iamUser),
      assessed("s1", 2, rescanned),
      completed("s1", 0, 5, { regions: ["eu-west-1", "ap-south-1", "global"] }),
      // A targeted rescan (no coverage) at 06:12 of one instance; scan 2 (06:10–06:20) covers only
      // eu-west-1 and global, and does not find `deleted` nor the IAM user.
      assessed("r1", 12, rescanned),
      completed("r1", 12, 12),
      assessed("s2", 15, kept),
      completed("s2", 10, 20, { regions: ["eu-west-1", "global"] }),
    ];
    const expectGone = (view: IntegrationStatusView | undefined) => {
      const since = at(10);
      expect(assetGoneSince(view, { asset: deleted, assessedAt: at(1) })).toBe(since);
      expect(assetGoneSince(view, { asset: iamUser, assessedAt: at(2) })).toBe(since);
      expect(assetGoneSince(view, { asset: kept, assessedAt: at(15) })).toBeUndefined();
      // Assessed by the rescan after scan 2 started: still there.
      expect(assetGoneSince(view, { asset: rescanned, assessedAt: at(12) })).toBeUndefined();
      // ap-south-1 was not part of scan 2: its assets stay as they were.
      expect(assetGoneSince(view, { asset: elsewhere, assessedAt: at(2) })).toBeUndefined();
    };
    const views = new InMemoryProjectionStore();
    await rebuildProjections(await logOf({ "scan#c": events }), platformProjections, views);
    expectGone((await views.load<IntegrationStatusView>("integration-status", "int-c"))?.state);

    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(events, { minLength: events.length }), async (delivery) => {
        const live = new InMemoryProjectionStore();
        for (const event of delivery) for (const p of platformProjections) await applyEvent(live, p, event);
        expectGone((await live.load<IntegrationStatusView>("integration-status", "int-c"))?.state);
      }),
      { numRuns: 30 },
    );
  });

  it("a scan narrowed to asset types covers only those types", () => {
    seq = 600;
    const doc = applyToDocument(
      integrationStatusProjection,
      "int-c",
      undefined,
      completed("s3", 30, 40, { regions: ["eu-west-1"], assetTypes: ["aws.ec2.instance"] }),
    );
    const view = doc?.state as IntegrationStatusView;
    const instance = assetIn("eu-west-1", "i-old");
    const volume = assetIn("eu-west-1", "vol-old", "aws.ec2.volume");
    expect(assetGoneSince(view, { asset: instance, assessedAt: at(5) })).toBe(at(30));
    expect(assetGoneSince(view, { asset: volume, assessedAt: at(5) })).toBeUndefined();
    // Assessed moments before the scan's start (another instance's clock): taken as seen by it.
    const justBefore = new Date(Date.parse(at(30)) - 30_000).toISOString();
    expect(assetGoneSince(view, { asset: instance, assessedAt: justBefore })).toBeUndefined();
    // No coverage recorded yet: nothing is gone.
    expect(assetGoneSince(undefined, { asset: instance, assessedAt: at(5) })).toBeUndefined();
  });
});

describe("integrationStatusOf", () => {
  /** The definition, written plainly: what the single-pass fold must equal. */
  function reference(marks: LifecycleMark[], lastHeartbeatAt?: string) {
    const all = lastHeartbeatAt
      ? [...marks, { status: "active" as const, at: lastHeartbeatAt, eventId: "" }]
      : marks;
    const rank = { registering: 0, active: 1, deleting: 2, deleted: 3 } as const;
    // A deletion or a revoked credential closes the installation; at one instant, the deletion wins.
    const closes = all
      .filter((m) => m.status === "deleted" || m.closes)
      .sort((a, b) => a.at.localeCompare(b.at) || rank[a.status] - rank[b.status]);
    const closed = closes.at(-1);
    const current = closed === undefined ? all : all.filter((m) => m.at > closed.at);
    if (current.length === 0)
      return closed === undefined
        ? { status: "registering", since: undefined }
        : { status: closed.status, since: closed.at };
    const status = current.reduce<keyof typeof rank>(
      (s, m) => (rank[m.status] > rank[s] ? m.status : s),
      "registering",
    );
    const since = current
      .filter((m) => m.status === status)
      .map((m) => m.at)
      .sort()[0];
    return { status, since };
  }
  it("equals the plain definition for any marks and heartbeat", () => {
    const minute = fc.integer({ min: 0, max: 30 }).map((m) => at(m));
    const mark = fc.oneof(
      fc.record({
        status: fc.constantFrom("registering", "active", "deleting", "deleted") as fc.Arbitrary<
          LifecycleMark["status"]
        >,
        at: minute,
        eventId: fc.string({ minLength: 1, maxLength: 4 }),
      }),
      // A revoked credential.
      fc.record({
        status: fc.constant("registering" as const),
        at: minute,
        eventId: fc.string({ minLength: 1, maxLength: 4 }),
        closes: fc.constant(true as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 12 }), fc.option(minute, { nil: undefined }), (marks, beat) => {
        expect(integrationStatusOf(marks, beat)).toEqual(reference(marks, beat));
      }),
      { numRuns: 500 },
    );
  });
});
