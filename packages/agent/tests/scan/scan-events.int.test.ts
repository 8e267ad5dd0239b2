import { parseEvent, type VigilEvent } from "@vigil/events";
import { generateAccount } from "@vigil/testkit";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/checks/index.ts";
import { memorySink, planShards, runScan, SCAN_SHARD_KINDS } from "../../src/index.ts";
import { simulated } from "./sim.ts";

const model = generateAccount({ seed: 7, regionCount: 3, assetsPerRegion: 4, misconfigurationRate: 0.4 });

async function scanModel() {
  const { clients } = simulated(model);
  const sink = memorySink();
  try {
    const result = await runScan({
      clients,
      emit: sink.emit,
      scanId: "scan-events-test",
      now: "2026-06-01T00:00:00Z",
    });
    return { result, events: sink.events };
  } finally {
    clients.destroy();
  }
}

/** Every string in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe("a scan of a generated account", () => {
  it("records started → (asset-assessed × assets, shard-completed) × shards → counts → completed, all valid", async () => {
    const { result, events } = await scanModel();
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("vigil.scan.started.v1");
    expect(types.slice(-2)).toEqual(["vigil.counts.resource-counts-reported.v1", "vigil.scan.completed.v1"]);
    const middle = types.slice(1, -2);
    expect(new Set(middle)).toEqual(
      new Set(["vigil.scan.asset-assessed.v1", "vigil.scan.shard-completed.v1"]),
    );
    expect(middle.filter((t) => t === "vigil.scan.asset-assessed.v1")).toHaveLength(result.assets.length);
    // One checkpoint per planned shard: every region's groups, the account group once.
    const shards = planShards(result.discovery.scannedRegions, SCAN_SHARD_KINDS).map((s) => s.shardId);
    const completedShards = events.flatMap((e) =>
      e.type === "vigil.scan.shard-completed.v1" ? [e.data.shardId] : [],
    );
    expect(completedShards.sort()).toEqual([...shards].sort());
    expect(result.discovery.scannedRegions.slice().sort()).toEqual([...model.regions].sort());
    expect(result.assets.length).toBeGreaterThan(50);
    for (const e of events) {
      const parsed = parseEvent(JSON.parse(JSON.stringify(e)));
      expect(parsed.ok, parsed.ok ? "" : parsed.error.message).toBe(true);
    }
    // The result is the scan's record: what the sink received.
    expect(result.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // Another scan of the same account decides the same, asset for asset.
    const verdicts = (list: readonly VigilEvent[]) =>
      list
        .flatMap((e) =>
          e.type === "vigil.scan.asset-assessed.v1"
            ? e.data.results.map((r) => `${e.data.asset.arn} ${r.checkId} ${r.status}`)
            : [],
        )
        .sort();
    const again = await scanModel();
    expect(verdicts(again.events)).toEqual(verdicts(events));
  });

  it("counts and totals agree with the assessed assets", async () => {
    const { result, events } = await scanModel();
    const counts = events.find((e) => e.type === "vigil.counts.resource-counts-reported.v1") as Extract<
      VigilEvent,
      { type: "vigil.counts.resource-counts-reported.v1" }
    >;
    expect(counts.data.total).toBe(result.assets.length);
    const sum = Object.values(counts.data.counts)
      .flatMap((r) => Object.values(r))
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(result.assets.length);
    const completed = events.at(-1) as Extract<VigilEvent, { type: "vigil.scan.completed.v1" }>;
    const results = events.flatMap((e) => (e.type === "vigil.scan.asset-assessed.v1" ? e.data.results : []));
    expect(completed.data.results.fail).toBe(results.filter((r) => r.status === "fail").length);
    expect(completed.data.results.pass).toBe(results.filter((r) => r.status === "pass").length);
    expect(completed.data.results.fail).toBeGreaterThan(0);
    // A failed result carries how to fix it, and every result the framework requirements it scores.
    const byId = new Map(CATALOGUE.map((c) => [c.id, c]));
    for (const r of results) {
      const check = byId.get(r.checkId);
      expect(check, r.checkId).toBeDefined();
      expect(r.remediation, r.checkId).toBe(r.status === "fail" ? check?.remediation : undefined);
      const frameworks = [
        ...(check?.mappings.cis ?? []).map((c) => `cis-aws-5.0:${c}`),
        ...(check?.mappings.fsbp ?? []).map((f) => `aws-fsbp:${f}`),
      ];
      expect(r.frameworks ?? [], r.checkId).toEqual(frameworks);
    }
    expect(results.some((r) => r.frameworks?.some((f) => f.startsWith("aws-fsbp:")))).toBe(true);
    // Every scanned region and the global services, less any with a failed or denied call.
    const problems = new Set(
      [...result.discovery.deniedCalls, ...result.discovery.failedCalls].map((p) => p.path.split("/")[0]),
    );
    expect(problems.size).toBeLessThan(model.regions.length + 1);
    expect([...(completed.data.coverage?.regions ?? [])].sort()).toEqual(
      [...model.regions, "global"].filter((r) => !problems.has(r)).sort(),
    );
  });

  it("claims no coverage of a type whose listing was denied, and says which call", async () => {
    // A call whose answer the account does not give is taken as denied (a snapshot without it).
    const denied = `${model.regions[1]}/ec2/describe-security-groups`;
    expect(model.files.has(denied)).toBe(true);
    const files = new Map([...model.files].filter(([key]) => key !== denied));
    const { clients } = simulated({ ...model, files });
    try {
      const sink = memorySink();
      await runScan({ clients, emit: sink.emit, scanId: "scan-denied", now: "2026-06-01T00:00:00Z" });
      const completed = sink.events.at(-1) as Extract<VigilEvent, { type: "vigil.scan.completed.v1" }>;
      // The region's other types were seen in full; its security groups were not.
      expect(completed.data.coverage?.regions).toContain(model.regions[1]);
      expect(completed.data.coverage?.excluded).toEqual([
        { region: model.regions[1], assetType: "aws.ec2.security-group" },
      ]);
      const shard = sink.events.find(
        (e) => e.type === "vigil.scan.shard-completed.v1" && e.data.shardId === `${model.regions[1]}/ec2`,
      ) as Extract<VigilEvent, { type: "vigil.scan.shard-completed.v1" }>;
      expect(shard.data.unreadCalls).toEqual([
        expect.objectContaining({ path: denied, kind: "denied", code: "UnauthorizedOperation" }),
      ]);
    } finally {
      clients.destroy();
    }
  });

  it("carries no configuration, secrets or key material out of the account", async () => {
    const { events } = await scanModel();
    // A failed result's remediation is the catalogue's own text (the next test holds it equal), which
    // names fields such as UserData: it is left out of what is searched for the account's data.
    const text = JSON.stringify(events, (key, value) => (key === "remediation" ? undefined : value));
    const keyIds = [...model.files.entries()]
      .filter(([k]) => k.startsWith("global/iam/list-access-keys/"))
      .flatMap(([, v]) =>
        ((v as { AccessKeyMetadata?: { AccessKeyId: string }[] }).AccessKeyMetadata ?? []).map(
          (k) => k.AccessKeyId,
        ),
      );
    expect(keyIds.length).toBeGreaterThan(0);
    for (const id of keyIds) expect(text).not.toContain(id);
    expect(text).not.toMatch(/AKIA[0-9A-Z]{12,}|ASIA[0-9A-Z]{12,}/);
    for (const forbidden of [
      "UserData",
      "Statement",
      "PolicyDocument",
      "AssumeRolePolicyDocument",
      "SecretAccessKey",
      "Content",
      "PublicIpAddress",
      "PrivateIpAddress",
      '"config"',
    ]) {
      expect(text, forbidden).not.toContain(forbidden);
    }
    // Nothing that looks like an IP address of an instance or a policy JSON string.
    const instanceIps = [...model.files.entries()]
      .filter(([k]) => k.endsWith("/ec2/describe-instances"))
      .flatMap(([, v]) => strings(v).filter((s) => /^\d+\.\d+\.\d+\.\d+$/.test(s)));
    for (const ip of instanceIps) expect(text).not.toContain(`"${ip}"`);
    for (const e of events) {
      if (e.type !== "vigil.scan.asset-assessed.v1") continue;
      expect(Object.keys(e.data).sort()).toEqual(["assessedAt", "asset", "results", "scanId", "shardId"]);
      expect(
        Object.keys(e.data.asset).every((k) =>
          ["arn", "type", "region", "accountId", "name", "tags"].includes(k),
        ),
      ).toBe(true);
    }
  });
});
