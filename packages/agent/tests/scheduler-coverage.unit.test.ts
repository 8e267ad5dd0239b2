import { createEvent, type EventOf } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { type ShardWorker, scanStreamId } from "../src/index.ts";
import {
  INTEGRATION,
  makeLambda,
  REGIONS,
  runLambdas,
  scriptedWorker,
  sharedWorld,
} from "./scheduler/harness.ts";

/** Runs one scan to completion and returns its `scan.completed`. */
async function completeScan(
  scanId: string,
  options: { incomplete?: (shardId: string) => boolean; requested?: Record<string, unknown> } = {},
): Promise<EventOf<"vigil.scan.completed.v1">> {
  const world = sharedWorld();
  const scripted = scriptedWorker({ clock: world.clock, callsPerShard: 1, perShard: 2 });
  const worker: ShardWorker = {
    async run(job, context) {
      const out = await scripted.worker.run(job, context);
      return { ...out, incomplete: options.incomplete?.(job.shard.shardId) ?? false };
    },
  };
  const lambda = makeLambda("A", { ...world, worker });
  const requested = options.requested
    ? createEvent(
        "vigil.scan.requested.v1",
        { scanId, trigger: "on-demand", ...options.requested } as never,
        { source: "urn:vigil:platform:test", integrationId: INTEGRATION },
      )
    : undefined;
  await lambda.scheduler.startScan({ scanId, regions: REGIONS, ...(requested ? { requested } : {}) });
  await runLambdas([lambda], world, { stepMs: 100 });
  const events = (await world.store.readStream(scanStreamId(scanId))).events.map((e) => e.event);
  const completed = events.find((e) => e.type === "vigil.scan.completed.v1");
  expect(completed, `scan ${scanId} completed`).toBeDefined();
  return completed as EventOf<"vigil.scan.completed.v1">;
}

describe("what a completed scan says it covered", () => {
  it("a full scan covers its regions and the global services", async () => {
    const completed = await completeScan("cov-full");
    expect(completed.data.coverage).toEqual({ regions: [...REGIONS, "global"] });
  });

  it("a shard with failed or denied calls takes its region out; a global one takes `global` out", async () => {
    const regional = await completeScan("cov-regional", { incomplete: (id) => id === "eu-west-1/ec2" });
    expect(regional.data.coverage).toEqual({ regions: ["us-east-1", "eu-central-1", "global"] });
    const global = await completeScan("cov-global", { incomplete: (id) => id.endsWith("/iam") });
    expect(global.data.coverage).toEqual({ regions: REGIONS });
  });

  it("a scan narrowed to asset types covers only those; a targeted rescan or a tag filter covers nothing", async () => {
    const narrowed = await completeScan("cov-types", {
      requested: { filters: { assetTypes: ["aws.ec2.instance"] } },
    });
    expect(narrowed.data.coverage).toEqual({ regions: REGIONS, assetTypes: ["aws.ec2.instance"] });
    const rescan = await completeScan("cov-rescan", { requested: { trigger: "event", regions: REGIONS } });
    expect(rescan.data.coverage).toBeUndefined();
    const tagged = await completeScan("cov-tags", { requested: { filters: { tags: { team: "a" } } } });
    expect(tagged.data.coverage).toBeUndefined();
  });
});
