import { InMemoryEventStore } from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  ApiBudget,
  type CallWrapper,
  EBS_SHARD_KIND,
  type EbsApi,
  ebsShardWorker,
  InMemoryJobQueue,
  ManualClock,
  PauseGate,
  readScanEvents,
  routeShards,
  ScanScheduler,
  type ShardKind,
  type ShardWorker,
} from "../../src/index.ts";
import { debianHardened } from "../os/trees.ts";
import { FakeEc2 } from "./fake-ec2.ts";
import { ACCOUNT, GROUP, INTEGRATION, REGION, scannersAct, type World } from "./harness.ts";

/**
 * The EBS scan as a shard of a scan: its job runs through the scheduler's budgeted `call`, is queued
 * again while it waits for snapshots and the scanner, and is checkpointed with one
 * `aws.ec2.instance-os` per instance like any other shard; the scan completes when it does.
 */

const KINDS: readonly ShardKind[] = [
  { service: "ec2", assetType: "aws.ec2.instance", scope: "regional" },
  EBS_SHARD_KIND,
];

/** Every method of the port through `call`, as the agent's SDK clients are. */
function throughCall(api: EbsApi, call: CallWrapper): EbsApi {
  return new Proxy(api, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) =>
        call({ service: "ec2", operation: String(key), region: String(args[0]) }, () =>
          (value as (...a: unknown[]) => Promise<unknown>).apply(target, args),
        );
    },
  });
}

describe("an EBS shard in a scan", () => {
  it("waits in the queue while copies are made and scanned, then checkpoints the instances' OS", async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 1));
    const store = new InMemoryEventStore({ now: () => new Date(clock.now()) });
    const queue = new InMemoryJobQueue({ clock, visibilityTimeoutMs: 120_000 });
    const w: World = { clock, store, disks: new Map(), reported: new Map() };
    const api = new FakeEc2(REGION);
    api.addGroup(GROUP, [`${REGION}b`]);
    const web = api.addInstance({ tags: { Name: "web" }, volumes: [["/dev/xvda", 8]] });
    w.disks.set(web.volumeIds[0] as string, debianHardened());
    const budget = new ApiBudget({ clock });
    const source = `urn:vigil:agent:${ACCOUNT}`;
    const ec2Shard: ShardWorker = { run: async () => ({ assessed: [] }) };
    let calls = 0;
    const ebs = ebsShardWorker({
      store,
      api: (call) =>
        throughCall(api, (info, fn) => {
          calls++;
          return call(info, fn);
        }),
      integrationId: INTEGRATION,
      source,
      homeRegion: REGION,
      scannerGroupFor: (r) => (r === REGION ? GROUP : undefined),
      waitMs: 10_000,
    });
    const scheduler = new ScanScheduler({
      store,
      queue,
      clock,
      budget,
      gate: new PauseGate({ store, integrationId: INTEGRATION, clock, source }),
      worker: routeShards({ ebs, scan: ec2Shard }),
      integrationId: INTEGRATION,
      accountId: ACCOUNT,
      source,
      agentVersion: "1.0.0",
      kinds: KINDS,
      spread: { spreadMs: 0, jitterMs: 0 },
    });
    await scheduler.startScan({ scanId: "scan-e", regions: [REGION] });
    const outcomes: string[] = [];
    for (let step = 0; step < 200; step++) {
      for (const o of await scheduler.drain(10))
        outcomes.push(o.kind === "deferred" ? `deferred:${o.reason}` : o.kind);
      api.tick();
      await scannersAct(w, api);
      await clock.advance(5_000);
      if (outcomes.includes("completed") && outcomes.filter((o) => o === "completed").length === 2) break;
    }
    expect(outcomes.filter((o) => o === "deferred:in-progress").length).toBeGreaterThan(1);
    const events = await readScanEvents(store, "scan-e");
    const assessed = events
      .filter((e) => e.type === "vigil.scan.asset-assessed.v1")
      .map((e) => e.data as { asset: { type: string; arn: string } });
    expect(assessed.map((a) => a.asset)).toEqual([
      expect.objectContaining({
        type: "aws.ec2.instance-os",
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${web.instanceId}/os`,
      }),
    ]);
    const completed = events.find((e) => e.type === "vigil.scan.completed.v1");
    expect(completed?.data).toMatchObject({ assetCount: 1, coverage: { regions: [REGION] } });
    expect(
      events.find(
        (e) =>
          e.type === "vigil.scan.shard-completed.v1" &&
          (e.data as { shardId: string }).shardId === `${REGION}/ebs`,
      )?.data,
    ).toMatchObject({
      assetType: "aws.ec2.instance-os",
      assetCount: 1,
    });
    // Every EC2 and Auto Scaling call of the EBS shard went through the scan's API budget.
    expect(calls).toBeGreaterThan(10);
    expect(budget.stats().calls).toBe(calls);
    expect(api.vigilCopies()).toEqual([]);
  });
});
