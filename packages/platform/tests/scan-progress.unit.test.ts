import { createEvent, type VigilEvent } from "@vigil/events";
import { describe, expect, it } from "vitest";
import type { OrganizationLedger } from "../src/organizations/ledger.ts";
import { organizationScanProgress } from "../src/organizations/scan-progress.ts";
import { type ScanProgressView, scanProgressProjection } from "../src/views/scan-progress.ts";

const ORG = "org-aaaaaaaaaaaa";
const ACCOUNT = "111111111111";
const INTEGRATION = `${ORG}-${ACCOUNT}`;
const SCAN = "scan-1";
const MEMBER_SCAN = `${SCAN}-${ACCOUNT}`;
const meta = { source: `urn:vigil:agent:${ACCOUNT}`, integrationId: INTEGRATION };
const arn = (n: number) => `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-${String(n).padStart(17, "0")}`;

const digest = (shardId: string, part: number, parts: number, assets: number[]) =>
  createEvent(
    "vigil.scan.shard-digest.v1",
    {
      scanId: MEMBER_SCAN,
      shardId,
      seenAt: "2026-01-01T00:00:00.000Z",
      part,
      parts,
      assets: assets.map((n) => ({
        arn: arn(n),
        fingerprint: "0123456789abcdef",
        reported: true,
        reportedAt: "2026-01-01T00:00:00.000Z",
      })),
    },
    meta,
  );

const started = createEvent(
  "vigil.scan.started.v1",
  { scanId: MEMBER_SCAN, regions: ["us-east-1"], checkCount: 70, agentVersion: "1.0.0", shardCount: 2 },
  meta,
);
const completed = createEvent(
  "vigil.scan.completed.v1",
  {
    scanId: MEMBER_SCAN,
    assetCount: 3,
    durationMs: 10,
    results: { pass: 3, fail: 1, muted: 0, error: 0 },
    failedBySeverity: { high: 1 },
  },
  meta,
);

function fold(events: readonly VigilEvent[]): ScanProgressView | undefined {
  let state: ScanProgressView | undefined;
  for (const event of events) {
    state ??= scanProgressProjection.initial(`${INTEGRATION}/${MEMBER_SCAN}`, event);
    state = scanProgressProjection.evolve(state, event);
  }
  return state;
}

async function progressOf(events: readonly VigilEvent[]) {
  const view = fold(events);
  const ledger = {
    organizationIntegrationId: ORG,
    scans: new Map([
      [
        SCAN,
        {
          scanId: SCAN,
          requestedAt: new Date("2026-01-01T00:00:00.000Z"),
          requestedBy: "admin",
          accounts: [{ accountId: ACCOUNT, notBefore: "2026-01-01T00:00:00.000Z" }],
        },
      ],
    ]),
  } as unknown as OrganizationLedger;
  const out = await organizationScanProgress(
    { scanProgress: async () => view },
    ledger,
    SCAN,
    new Date("2026-01-01T00:01:00.000Z"),
  );
  return out?.accounts[0];
}

describe("a scan's progress at the platform, from what the deployed agent publishes", () => {
  it("counts a shard done once every part of its digest arrived, an empty digest too, and each part once", () => {
    const view = fold([
      started,
      digest("us-east-1/ec2", 1, 2, [1, 2]),
      digest("us-east-1/ec2", 1, 2, [1, 2]), // delivered twice
      digest("us-east-1/s3", 1, 1, []),
    ]);
    expect(view).toMatchObject({ status: "running", shardCount: 2, shardsCompleted: 1, assets: 2 });
    const done = scanProgressProjection.evolve(view as ScanProgressView, digest("us-east-1/ec2", 2, 2, [3]));
    expect(done).toMatchObject({ shardsCompleted: 2, completedShards: ["us-east-1/s3", "us-east-1/ec2"] });
    expect(done.assets).toBe(3);
  });

  it("shows an account running, not completed, while its completion arrived before a shard's digest (the queue keeps no order)", async () => {
    const early = await progressOf([started, digest("us-east-1/s3", 1, 1, []), completed]);
    expect(early).toMatchObject({ status: "running", shards: { completed: 1, total: 2 } });
    const late = await progressOf([
      started,
      digest("us-east-1/s3", 1, 1, []),
      completed,
      digest("us-east-1/ec2", 1, 1, [1, 2, 3]),
    ]);
    expect(late).toMatchObject({
      status: "completed",
      shards: { completed: 2, total: 2 },
      assets: 3,
      failed: 1,
    });
  });
});
