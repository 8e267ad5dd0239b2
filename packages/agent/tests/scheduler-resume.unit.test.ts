import { type EventEnvelope, type EventStore, InMemoryEventStore } from "@vigil/events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ManualClock,
  planRemainingShards,
  planShards,
  readScanEvents,
  type ScanJob,
  scanStreamId,
} from "../src/index.ts";
import { KINDS, makeLambda, REGIONS, runLambdas, scriptedWorker, sharedWorld } from "./scheduler/harness.ts";

async function assessedCounts(store: EventStore, scanId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const event of await readScanEvents(store, scanId)) {
    if (event.type !== "vigil.scan.asset-assessed.v1") continue;
    const arn = (event.data as { asset: { arn: string } }).asset.arn;
    counts.set(arn, (counts.get(arn) ?? 0) + 1);
  }
  return counts;
}

const ALL_SHARDS = planShards(REGIONS, KINDS);

describe("a scan killed midway and restarted", () => {
  it("completes with every asset assessed exactly once and finished shards not run again", async () => {
    const world = sharedWorld();
    const perShard = 5;
    const first = scriptedWorker({ clock: world.clock, perShard });
    const a = makeLambda("A", { ...world, worker: first.worker });
    await a.scheduler.startScan({ scanId: "scan-k", regions: REGIONS });
    // Run until three shards are checkpointed, then the process dies: its queue messages are lost too.
    await runLambdas([a], world, {
      stepMs: 100,
      until: () => first.runs.size >= 4,
    });
    world.queue.purge();
    const before = (await world.store.readStream(scanStreamId("scan-k"))).events;
    const remaining = planRemainingShards(before, KINDS);
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(ALL_SHARDS.length);
    const finished = ALL_SHARDS.filter((s) => !remaining.some((r) => r.shardId === s.shardId)).map(
      (s) => s.shardId,
    );

    // A fresh instance restarts the scan from its stream.
    const second = scriptedWorker({ clock: world.clock, perShard });
    const b = makeLambda("B", { ...world, worker: second.worker });
    const { queued } = await b.scheduler.startScan({ scanId: "scan-k", regions: REGIONS });
    expect(queued).toBe(remaining.length);
    await runLambdas([b], world, { stepMs: 100 });

    for (const shardId of finished) expect(second.runs.has(shardId)).toBe(false);
    const counts = await assessedCounts(world.store, "scan-k");
    expect(counts.size).toBe(ALL_SHARDS.length * perShard);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const types = (await world.store.readStream(scanStreamId("scan-k"))).events.map((e) => e.event.type);
    expect(types.filter((t) => t === "vigil.scan.completed.v1")).toHaveLength(1);
    expect(types.filter((t) => t === "vigil.scan.started.v1")).toHaveLength(1);
  });

  it("a crash between append batches of one shard re-runs it without assessing any asset twice", async () => {
    const world = sharedWorld();
    const perShard = 250; // three transactions of ≤ 99 events
    const { worker } = scriptedWorker({ clock: world.clock, perShard });
    let appends = 0;
    let crashed = false;
    const flaky: EventStore = {
      readStream: (id, o) => world.store.readStream(id, o),
      readAll: (o) => world.store.readAll(o),
      async appendToStream(id, events, o) {
        // The Lambda dies after the second batch of the first shard it checkpoints.
        if (!crashed && events.length > 2 && ++appends === 2) {
          await world.store.appendToStream(id, events, o);
          crashed = true;
          throw new Error("Lambda timed out");
        }
        return world.store.appendToStream(id, events, o);
      },
    };
    const a = makeLambda("A", { store: flaky as never, queue: world.queue, clock: world.clock, worker });
    await a.scheduler.startScan({ scanId: "scan-c", regions: ["us-east-1"] });
    // The failed job is not acknowledged: SQS shows it again after the visibility timeout.
    a.scheduler.drain = async (max) => {
      const received = await world.queue.receive(max ?? 1);
      const out = [];
      for (const { job, receipt } of received) {
        try {
          out.push(await a.scheduler.handle(job));
          await world.queue.ack(receipt);
        } catch {
          // left for redelivery
        }
      }
      return out;
    };
    await runLambdas([a], world, { stepMs: 1_000, maxSteps: 2_000 });
    expect(crashed).toBe(true);
    const counts = await assessedCounts(world.store, "scan-c");
    const shards = planShards(["us-east-1"], KINDS).length;
    expect(counts.size).toBe(shards * perShard);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  });
});

describe("shards finishing together", () => {
  it("report the scan completed from exactly one job, and the log holds one completion", async () => {
    // A store whose calls take a random number of event-loop turns, as DynamoDB's do: the jobs of one
    // batch run concurrently and the last shards race to complete the scan.
    class Latent extends InMemoryEventStore {
      constructor(
        clock: ManualClock,
        readonly turns: () => number,
      ) {
        super({ now: () => new Date(clock.now()) });
      }
      async #latency() {
        for (let n = this.turns(); n > 0; n--) await new Promise((r) => setImmediate(r));
      }
      override async readStream(...args: Parameters<InMemoryEventStore["readStream"]>) {
        await this.#latency();
        return super.readStream(...args);
      }
      override async appendToStream(...args: Parameters<InMemoryEventStore["appendToStream"]>) {
        await this.#latency();
        return super.appendToStream(...args);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(fc.nat(4)), async (turns) => {
        const base = sharedWorld();
        const world = { ...base, store: new Latent(base.clock, () => turns.next().value) };
        const worker = scriptedWorker({ clock: world.clock, callsPerShard: 0, perShard: 2 });
        const a = makeLambda("A", { ...world, worker: worker.worker });
        const { queued } = await a.scheduler.startScan({ scanId: "scan-t", regions: REGIONS });
        await world.clock.advance(10_000);
        const outcomes = await a.scheduler.drain(queued);
        expect(outcomes).toHaveLength(queued);
        expect(outcomes.every((o) => o.kind === "completed")).toBe(true);
        expect(outcomes.filter((o) => o.kind === "completed" && o.scanCompleted)).toHaveLength(1);
        const types = (await world.store.readStream(scanStreamId("scan-t"))).events.map((e) => e.event.type);
        expect(types.filter((t) => t === "vigil.scan.completed.v1")).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe("a job delivered again after its shard was checkpointed", () => {
  it("publishes the shard's events again (at least once), and the scan's end with the last shard", async () => {
    const world = sharedWorld();
    const worker = scriptedWorker({ clock: world.clock, callsPerShard: 0, perShard: 3 });
    const republished: EventEnvelope[][] = [];
    const a = makeLambda(
      "A",
      { ...world, worker: worker.worker },
      {
        republish: async (events) => {
          republished.push([...events]);
        },
      },
    );
    const { queued } = await a.scheduler.startScan({ scanId: "scan-r", regions: REGIONS });
    await world.clock.advance(10_000);
    const jobs = await world.queue.receive(queued);
    // The first run appends; it "dies" before its publish and ack, so the job comes back.
    const first = jobs[0]?.job as ScanJob;
    expect(await a.scheduler.handle(first)).toMatchObject({ kind: "completed" });
    expect(await a.scheduler.handle(first)).toMatchObject({ kind: "skipped" });
    const stream = await readScanEvents(world.store, "scan-r");
    const ofShard = stream.filter((e) => (e.data as { shardId?: string }).shardId === first.shard.shardId);
    expect(ofShard).toHaveLength(4); // 3 assessed + shard-completed
    expect(republished).toEqual([ofShard]);

    // The last shard's run completes the scan; delivered again, it also republishes the completion.
    for (const { job } of jobs.slice(1)) await a.scheduler.handle(job);
    const last = jobs.at(-1)?.job as ScanJob;
    republished.length = 0;
    expect(await a.scheduler.handle(last)).toMatchObject({ kind: "skipped", reason: "completed" });
    expect(republished[0]?.map((e) => e.type).slice(-2)).toEqual([
      "vigil.counts.resource-counts-reported.v1",
      "vigil.scan.completed.v1",
    ]);
    // A request handled again (its first handling may have stopped before publishing) republishes
    // the scan's start; nothing is queued again.
    republished.length = 0;
    expect(await a.scheduler.startScan({ scanId: "scan-r", regions: REGIONS, onlyIfNew: true })).toEqual({
      queued: 0,
    });
    expect(republished.map((batch) => batch.map((e) => e.type))).toEqual([["vigil.scan.started.v1"]]);
    // Nothing was appended twice.
    const types = (await world.store.readStream(scanStreamId("scan-r"))).events.map((e) => e.event.type);
    expect(types.filter((t) => t === "vigil.scan.completed.v1")).toHaveLength(1);
    expect(types.filter((t) => t === "vigil.scan.started.v1")).toHaveLength(1);
  });
});

describe("a shard checkpoint the store acknowledged but does not hold", () => {
  it("is written again before the scan can complete: the scan completes, every shard checkpointed once", async () => {
    const world = sharedWorld();
    const { worker } = scriptedWorker({ clock: world.clock, perShard: 2 });
    let dropped: string | undefined;
    // Acknowledges the first shard checkpoint and loses it (as DynamoDB Local was seen to under
    // concurrent transactions): without the check, no job is left to complete the scan.
    const lossy: EventStore = {
      readStream: (id, o) => world.store.readStream(id, o),
      readAll: (o) => world.store.readAll(o),
      async appendToStream(id, events, o) {
        const [first] = events;
        if (!dropped && first?.type === "vigil.scan.shard-completed.v1" && events.length === 1) {
          dropped = (first.data as { shardId: string }).shardId;
          return { streamId: id, firstVersion: 0, lastVersion: 0, alreadyAppended: false };
        }
        return world.store.appendToStream(id, events, o);
      },
    };
    const a = makeLambda("A", { store: lossy as never, queue: world.queue, clock: world.clock, worker });
    await a.scheduler.startScan({ scanId: "scan-l", regions: REGIONS });
    await runLambdas([a], world, { stepMs: 100 });
    expect(dropped).toBeDefined();
    const types = (await world.store.readStream(scanStreamId("scan-l"))).events.map((e) => e.event);
    expect(types.filter((e) => e.type === "vigil.scan.completed.v1")).toHaveLength(1);
    const checkpoints = types.filter((e) => e.type === "vigil.scan.shard-completed.v1");
    expect(checkpoints).toHaveLength(planShards(REGIONS, KINDS).length);
    expect(new Set(checkpoints.map((e) => (e.data as { shardId: string }).shardId)).size).toBe(
      checkpoints.length,
    );
  });
});
