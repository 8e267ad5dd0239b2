import {
  assetGoneSince,
  assetReportProjection,
  DocumentFolder,
  type EventEnvelope,
  type EventStore,
  type InMemoryEventStore,
  type VigilEvent,
} from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  type AssessedAsset,
  planShards,
  publishingStore,
  readScanEvents,
  type ShardWorker,
} from "../src/index.ts";
import { assetsOf, KINDS, makeLambda, REGIONS, runLambdas, sharedWorld } from "./scheduler/harness.ts";

const DAY = 86_400_000;

/** A worker whose answer per shard the test sets: the account as it is at each scan. */
function accountWorker(results: (job: Parameters<ShardWorker["run"]>[0]) => AssessedAsset[]): ShardWorker {
  return { run: async (job) => ({ assessed: results(job) }) };
}

describe("change-only reporting", () => {
  it("publishes a report only when it changed (or a day after it last was); digests say what was seen", async () => {
    const world = sharedWorld();
    let flip = false;
    const worker = accountWorker((job) =>
      assetsOf(job, 4).map((a, i) =>
        // The second asset of the ec2 shards changes verdict between scans when `flip` is set.
        flip && i === 1 && job.shard.service === "ec2"
          ? { ...a, results: [{ ...a.results[0], status: "pass" } as AssessedAsset["results"][number]] }
          : a,
      ),
    );
    const published: EventEnvelope[] = [];
    const store: EventStore = publishingStore(world.store, "urn:vigil:agent:123456789012", (events) => {
      published.push(...events);
    });
    const a = makeLambda(
      "A",
      { ...world, store: store as InMemoryEventStore, worker },
      {
        changeOnly: { refreshMs: DAY },
      },
    );
    const scan = async (scanId: string) => {
      published.length = 0;
      await a.scheduler.startScan({ scanId, regions: REGIONS });
      await runLambdas([a], world, { stepMs: 1_000, maxSteps: 2_000 });
      return published.filter((e) => e.type === "vigil.scan.asset-assessed.v1").length;
    };
    const shards = planShards(REGIONS, KINDS);
    const all = shards.length * 4;

    expect(await scan("scan-1")).toBe(all); // the first scan reports everything
    expect(await scan("scan-2")).toBe(0); // nothing changed: digests only
    const digests = published.filter((e) => e.type === "vigil.scan.shard-digest.v1") as Extract<
      VigilEvent,
      { type: "vigil.scan.shard-digest.v1" }
    >[];
    expect(digests.flatMap((d) => d.data.assets).filter((x) => !x.reported)).toHaveLength(all);
    flip = true;
    const ec2Shards = shards.filter((s) => s.service === "ec2").length;
    expect(await scan("scan-3")).toBe(ec2Shards); // the changed asset of each ec2 shard
    await world.clock.advance(DAY);
    expect(await scan("scan-4")).toBe(all); // a day on: every report is sent again

    // Every scan still completes with the whole account's totals.
    const completed = (await readScanEvents(world.store, "scan-2")).find(
      (e) => e.type === "vigil.scan.completed.v1",
    ) as Extract<VigilEvent, { type: "vigil.scan.completed.v1" }>;
    expect(completed.data.assetCount).toBe(all);
  });

  it("the platform takes an asset listed unchanged in a digest as seen by that scan, not gone", () => {
    const asset = {
      arn: "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
      type: "aws.ec2.instance",
      region: "us-east-1",
      accountId: "123456789012",
      tags: {},
    };
    const meta = (id: string, time: string) => ({
      specversion: "1.0" as const,
      id,
      source: "urn:vigil:agent:123456789012",
      time,
      integrationid: "int-1",
      datacontenttype: "application/json" as const,
    });
    const assessed = {
      ...meta("e1", "2026-06-01T00:00:00.000Z"),
      type: "vigil.scan.asset-assessed.v1",
      dataschema: "urn:vigil:schema:vigil.scan.asset-assessed.v1",
      data: { scanId: "s1", assessedAt: "2026-06-01T00:00:00.000Z", asset, results: [] },
    } as unknown as VigilEvent;
    const digest = {
      ...meta("e2", "2026-06-02T00:00:00.000Z"),
      type: "vigil.scan.shard-digest.v1",
      dataschema: "urn:vigil:schema:vigil.scan.shard-digest.v1",
      data: {
        scanId: "s2",
        shardId: "us-east-1/ec2",
        seenAt: "2026-06-02T00:00:00.000Z",
        part: 1,
        parts: 1,
        assets: [
          {
            arn: asset.arn,
            fingerprint: "0123456789abcdef",
            reported: false,
            reportedAt: "2026-06-01T00:00:00.000Z",
          },
        ],
      },
    } as unknown as VigilEvent;
    const folder = new DocumentFolder([assetReportProjection]);
    folder.apply(assessed);
    folder.apply(digest);
    const [, doc] = [...folder.documents(0)][0] ?? [];
    const report = doc?.state as { assessedAt: string; lastSeenAt?: string; asset: typeof asset };
    expect(report.lastSeenAt).toBe("2026-06-02T00:00:00.000Z");
    // A full scan that started on June 2nd covered the region: the asset was seen by it.
    const view = { coveredAt: { "us-east-1": "2026-06-02T00:00:00.000Z" } };
    expect(assetGoneSince(view, report)).toBeUndefined();
    expect(assetGoneSince(view, { ...report, lastSeenAt: undefined })).toBe("2026-06-02T00:00:00.000Z");
  });
});
