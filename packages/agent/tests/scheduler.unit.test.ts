import { createEvent } from "@vigil/events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assetIncluded,
  dueActions,
  filterRegions,
  interleaveByRegion,
  jobDelays,
  nextDueAt,
  offerChange,
  parseInstanceStateChange,
  pauseStateAt,
  planRemainingShards,
  planShards,
  resourceIdOf,
  takeDue,
} from "../src/index.ts";
import { KINDS } from "./scheduler/harness.ts";

const meta = { source: "urn:vigil:agent:test", integrationId: "int-1", time: "2026-06-01T00:00:00.000Z" };
const started = (regions: string[]) =>
  createEvent("vigil.scan.started.v1", { scanId: "s", regions, checkCount: 0, agentVersion: "1.0.0" }, meta);
const shardDone = (shardId: string, region: string) =>
  createEvent(
    "vigil.scan.shard-completed.v1",
    {
      scanId: "s",
      shardId,
      region,
      assetType: "aws.ec2.instance",
      assetCount: 0,
      apiCalls: 0,
      throttledCalls: 0,
      durationMs: 0,
    },
    meta,
  );

describe("planRemainingShards", () => {
  const regions = ["us-east-1", "eu-west-1", "ap-south-1"];

  it("is every shard minus the completed ones, whatever subset completed", () => {
    const all = planShards(regions, KINDS);
    fc.assert(
      fc.property(fc.subarray(all), (done) => {
        const events = [started(regions), ...done.map((s) => shardDone(s.shardId, s.region))];
        const remaining = planRemainingShards(events, KINDS).map((s) => s.shardId);
        expect(new Set(remaining)).toEqual(
          new Set(all.filter((s) => !done.includes(s)).map((s) => s.shardId)),
        );
      }),
    );
  });

  it("plans global shards once, in the home region", () => {
    const ids = planShards(regions, KINDS).map((s) => s.shardId);
    expect(ids.filter((id) => id.endsWith("/iam"))).toEqual(["us-east-1/iam"]);
    expect(ids).toHaveLength(regions.length * 2 + 1);
  });

  it("is empty for a scan that completed", () => {
    const completed = createEvent(
      "vigil.scan.completed.v1",
      {
        scanId: "s",
        assetCount: 0,
        results: { pass: 0, fail: 0, muted: 0, error: 0 },
        failedBySeverity: {},
        durationMs: 1,
      },
      meta,
    );
    expect(planRemainingShards([started(regions), completed], KINDS)).toEqual([]);
  });
});

describe("spreading jobs", () => {
  it("is seeded: same seed same delays, within the window plus jitter", () => {
    const keys = Array.from({ length: 50 }, (_, i) => `r/${i}`);
    const a = jobDelays(keys, { seed: "scan-1", spreadMs: 60_000, jitterMs: 5_000 });
    expect(jobDelays(keys, { seed: "scan-1", spreadMs: 60_000, jitterMs: 5_000 })).toEqual(a);
    expect(jobDelays(keys, { seed: "scan-2", spreadMs: 60_000, jitterMs: 5_000 })).not.toEqual(a);
    for (const d of a.values()) expect(d).toBeGreaterThanOrEqual(0);
    for (const d of a.values()) expect(d).toBeLessThan(65_000);
  });

  it("interleaves regions", () => {
    const items = [
      { region: "a", n: 1 },
      { region: "a", n: 2 },
      { region: "b", n: 1 },
    ];
    expect(interleaveByRegion(items).map((i) => `${i.region}${i.n}`)).toEqual(["a1", "b1", "a2"]);
  });
});

describe("filters", () => {
  it("includes and excludes regions by code or pattern", () => {
    const regions = ["us-east-1", "eu-west-1", "eu-central-1", "ap-south-1"];
    expect(filterRegions(regions, { includeRegions: ["eu-*"] })).toEqual(["eu-west-1", "eu-central-1"]);
    expect(filterRegions(regions, { excludeRegions: ["eu-central-1", "ap-*"] })).toEqual([
      "us-east-1",
      "eu-west-1",
    ]);
  });

  it("filters assets by resource id, ARN and tags", () => {
    const asset = {
      arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc",
      region: "eu-west-1",
      tags: { env: "prod", team: "core" },
    };
    expect(resourceIdOf(asset.arn)).toBe("i-0abc");
    expect(assetIncluded(asset, { includeResourceIds: ["i-0a*"] })).toBe(true);
    expect(assetIncluded(asset, { excludeResourceIds: [asset.arn] })).toBe(false);
    expect(assetIncluded(asset, { includeTags: { env: "prod" } })).toBe(true);
    expect(assetIncluded(asset, { includeTags: { env: "dev" } })).toBe(false);
    expect(assetIncluded(asset, { excludeTags: { team: "*" } })).toBe(false);
    expect(assetIncluded(asset, { excludeRegions: ["eu-*"] })).toBe(false);
    expect(assetIncluded({ ...asset, region: "global" }, { includeRegions: ["us-east-1"] })).toBe(true);
  });
});

describe("event-driven rescans", () => {
  const event = (id: string, state: string, time: string) => ({
    version: "0",
    id: "7bf73129-1428-4cd3-a780-95db273d1602",
    "detail-type": "EC2 Instance State-change Notification",
    source: "aws.ec2",
    account: "123456789012",
    time,
    region: "eu-west-1",
    resources: [`arn:aws:ec2:eu-west-1:123456789012:instance/${id}`],
    detail: { "instance-id": id, state },
  });

  it("parses EventBridge's state-change event and refuses others with a reason", () => {
    const parsed = parseInstanceStateChange(event("i-0abc", "running", "2026-06-01T00:00:00Z"));
    expect(parsed).toEqual({
      ok: true,
      change: {
        instanceId: "i-0abc",
        state: "running",
        region: "eu-west-1",
        accountId: "123456789012",
        at: Date.UTC(2026, 5, 1),
      },
    });
    expect(parseInstanceStateChange({ ...event("i-0abc", "running", "x"), source: "aws.s3" })).toMatchObject({
      ok: false,
    });
  });

  it("debounces per instance: one rescan a window after the last change", () => {
    const t0 = Date.UTC(2026, 5, 1);
    let state: ReturnType<typeof offerChange> = new Map();
    for (const [id, s, dt] of [
      ["i-01", "pending", 0],
      ["i-01", "running", 20_000],
      ["i-02", "stopping", 30_000],
      ["i-01", "stopping", 50_000],
    ] as const) {
      const p = parseInstanceStateChange(event(id, s, new Date(t0 + dt).toISOString()));
      if (p.ok) state = offerChange(state, p.change, { windowMs: 60_000 });
    }
    expect(takeDue(state, t0 + 89_999).due).toEqual([]);
    const at90 = takeDue(state, t0 + 90_000);
    expect(at90.due.map((c) => c.instanceId)).toEqual(["i-02"]);
    const at110 = takeDue(at90.state, t0 + 110_000);
    expect(at110.due.map((c) => `${c.instanceId}:${c.state}`)).toEqual(["i-01:stopping"]);
    expect(at110.state.size).toBe(0);
  });

  it("a flapping instance is still rescanned by maxWait", () => {
    let state: ReturnType<typeof offerChange> = new Map();
    for (let i = 0; i < 100; i++) {
      state = offerChange(
        state,
        {
          instanceId: "i-0f",
          state: "running",
          region: "eu-west-1",
          accountId: "123456789012",
          at: i * 10_000,
        },
        { windowMs: 60_000, maxWaitMs: 300_000 },
      );
    }
    expect(takeDue(state, 300_000).due).toHaveLength(1);
  });
});

describe("schedules", () => {
  const H = 3_600_000;
  it("full scan every 12 h and heartbeat every 10 min by default", () => {
    expect(dueActions({}, 0)).toEqual([{ kind: "heartbeat" }, { kind: "full-scan" }]);
    expect(dueActions({ lastFullScanAt: 0, lastHeartbeatAt: 0 }, 9 * 60_000)).toEqual([]);
    expect(dueActions({ lastFullScanAt: 0, lastHeartbeatAt: 0 }, 10 * 60_000)).toEqual([
      { kind: "heartbeat" },
    ]);
    expect(dueActions({ lastFullScanAt: 0, lastHeartbeatAt: 12 * H }, 12 * H)).toEqual([
      { kind: "full-scan" },
    ]);
    expect(
      dueActions({ lastFullScanAt: 0, lastHeartbeatAt: 6 * H }, 6 * H, { fullScanEveryMs: 6 * H }),
    ).toEqual([{ kind: "full-scan" }]);
    expect(nextDueAt({ lastFullScanAt: 0, lastHeartbeatAt: 0 }, 1)).toBe(10 * 60_000);
  });
});

describe("pause state (pure)", () => {
  it("is active from the pause until `until`, then over", () => {
    const paused = createEvent(
      "vigil.scan.paused-for-rate-limit.v1",
      { until: "2026-06-01T00:15:00.000Z", reason: "throttled", api: "ec2:DescribeInstances" },
      meta,
    );
    const events = [{ event: paused }];
    expect(pauseStateAt(events, Date.UTC(2026, 5, 1, 0, 14, 59)).until).toBe(Date.UTC(2026, 5, 1, 0, 15));
    expect(pauseStateAt(events, Date.UTC(2026, 5, 1, 0, 15)).until).toBeUndefined();
    expect(pauseStateAt([], 0).until).toBeUndefined();
  });
});
