import { describe, expect, it } from "vitest";
import { scanStreamId, schedulerStreamId } from "../src/index.ts";
import {
  INTEGRATION,
  makeLambda,
  REGIONS,
  runLambdas,
  scriptedWorker,
  sharedWorld,
} from "./scheduler/harness.ts";

const PAUSE_MS = 15 * 60_000;

async function typesIn(
  store: { readStream(id: string): Promise<{ events: { event: { type: string } }[] }> },
  id: string,
) {
  return (await store.readStream(id)).events.map((e) => e.event.type);
}

describe("rate-limit pause across Lambda instances sharing the log", () => {
  it("one throttling error pauses every job of both instances for exactly the configured time, then all resume", async () => {
    const world = sharedWorld();
    // The 8th AWS call (whichever instance makes it) is still throttled after the SDK's retries.
    const { worker, runs } = scriptedWorker({ clock: world.clock, throttle: (n) => n === 8 });
    const starts: { at: number; who: string; shard: string }[] = [];
    const started = (job: { shard: { shardId: string } }, at: number, who: string) =>
      starts.push({ at, who, shard: job.shard.shardId });
    const a = makeLambda("A", { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: 0, started });
    const b = makeLambda("B", { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: 0, started });

    await a.scheduler.startScan({ scanId: "scan-1", regions: REGIONS });
    await runLambdas([a, b], world, { stepMs: 100 });

    const schedulerEvents = (await world.store.readStream(schedulerStreamId(INTEGRATION))).events;
    const pauses = schedulerEvents.filter((e) => e.event.type === "vigil.scan.paused-for-rate-limit.v1");
    expect(pauses).toHaveLength(1);
    const pause = pauses[0]?.event as { time: string; data: { until: string; api: string } };
    const pausedAt = Date.parse(pause.time);
    const until = Date.parse(pause.data.until);
    expect(until - pausedAt).toBe(PAUSE_MS);
    expect(pause.data.api).toBe("ec2:DescribeInstances");

    // Both instances ran jobs before the pause, and both after it — none in between.
    expect(starts.filter((s) => s.at >= pausedAt && s.at < until)).toEqual([]);
    const after = starts.filter((s) => s.at >= until);
    expect(new Set(after.map((s) => s.who))).toEqual(new Set(["A", "B"]));
    expect(new Set(starts.filter((s) => s.at < pausedAt).map((s) => s.who))).toEqual(new Set(["A", "B"]));

    // The scan completes after the pause with every shard done once, and says it resumed.
    const scanTypes = await typesIn(world.store, scanStreamId("scan-1"));
    expect(scanTypes.filter((t) => t === "vigil.scan.resumed.v1")).toHaveLength(1);
    expect(scanTypes.filter((t) => t === "vigil.scan.completed.v1")).toHaveLength(1);
    expect(scanTypes.filter((t) => t === "vigil.scan.shard-completed.v1")).toHaveLength(7);
    // The throttled shard ran twice (once cut short), every other shard once.
    expect([...runs.values()].reduce((x, y) => x + y, 0)).toBe(8);
  });

  it("a job arriving during the pause is re-queued to run at or after `until`, not dropped", async () => {
    const world = sharedWorld();
    const { worker } = scriptedWorker({ clock: world.clock });
    const a = makeLambda("A", { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: 0 });
    const b = makeLambda("B", { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: 0 });
    const { until } = await a.gate.pause({ api: "ec2:DescribeInstances", region: "us-east-1" });
    const job = {
      integrationId: INTEGRATION,
      accountId: "123456789012",
      scanId: "scan-2",
      shard: { shardId: "us-east-1/ec2", region: "us-east-1", service: "ec2", assetType: "aws.ec2.instance" },
    };
    const outcome = await b.scheduler.handle(job);
    expect(outcome).toEqual({ kind: "deferred", until, reason: "paused" });
    expect(world.queue.size).toBe(1);
    const visibleAt = world.queue.nextVisibleAt() ?? 0;
    expect(visibleAt).toBeGreaterThanOrEqual(until - 0);
    // SQS caps a delay at 15 minutes: the pause is exactly that long, so it fits in one delay.
    expect(visibleAt - world.clock.now()).toBeLessThanOrEqual(PAUSE_MS + 5_000);
  });

  it("concurrent pausers on two instances write exactly one pause event", async () => {
    const world = sharedWorld();
    const { worker } = scriptedWorker({ clock: world.clock });
    const lambdas = Array.from({ length: 5 }, (_, i) =>
      makeLambda(`L${i}`, { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: 0 }),
    );
    const results = await Promise.all(lambdas.map((l) => l.gate.pause({ api: "rds:DescribeDBInstances" })));
    expect(results.filter((r) => r.written)).toHaveLength(1);
    expect(new Set(results.map((r) => r.until)).size).toBe(1);
    const types = await typesIn(world.store, schedulerStreamId(INTEGRATION));
    expect(types).toEqual(["vigil.scan.paused-for-rate-limit.v1"]);
  });

  it("with a cache TTL, another instance stops starting jobs at most one TTL after the pause", async () => {
    const world = sharedWorld();
    const ttl = 5_000;
    const { worker } = scriptedWorker({ clock: world.clock, callsPerShard: 2, throttle: (n) => n === 3 });
    const starts: { at: number; who: string }[] = [];
    const started = (_: unknown, at: number, who: string) => starts.push({ at, who });
    const a = makeLambda("A", { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: ttl, started });
    const b = makeLambda("B", { ...world, worker }, { pauseMs: PAUSE_MS, cacheTtlMs: ttl, started });
    await a.scheduler.startScan({ scanId: "scan-3", regions: REGIONS });
    await runLambdas([a, b], world, { stepMs: 100 });
    const pauses = (await world.store.readStream(schedulerStreamId(INTEGRATION))).events;
    expect(pauses).toHaveLength(1);
    const pausedAt = Date.parse(pauses[0]?.event.time ?? "");
    const until = Date.parse((pauses[0]?.event.data as { until: string } | undefined)?.until ?? "");
    expect(starts.filter((s) => s.at >= pausedAt + ttl && s.at < until)).toEqual([]);
    expect(starts.some((s) => s.at >= until)).toBe(true);
  });
});
