import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatSnapshotValidation, generateAccount, loadSnapshot, validateSnapshot } from "@vigil/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { captureSnapshot, findingsOf, runScan, writeSnapshotDir } from "../../src/index.ts";
import { simulated } from "./sim.ts";

const NOW = "2026-06-01T00:00:00Z";
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function findings(model: Parameters<typeof simulated>[0]) {
  const { clients } = simulated(model);
  try {
    const result = await runScan({ clients, now: NOW, scanId: "roundtrip" });
    return {
      result,
      findings: findingsOf(result.reports)
        .findings.map((f) => `${f.status} ${f.checkId} ${f.resource}`)
        .sort(),
    };
  } finally {
    clients.destroy();
  }
}

describe("vigil snapshot: capture → loadSnapshot → scan", () => {
  it("gives the same findings as scanning the simulated account directly", async () => {
    const model = generateAccount({
      seed: "roundtrip",
      regionCount: 2,
      assetsPerRegion: 5,
      misconfigurationRate: 0.5,
    });
    const direct = await findings(model);
    const { clients } = simulated(model);
    const snapshot = await captureSnapshot({ clients });
    clients.destroy();
    expect(snapshot.deniedCalls).toEqual([]);
    const dir = await mkdtemp(join(tmpdir(), "vigil-snapshot-"));
    dirs.push(dir);
    await writeSnapshotDir(snapshot, dir);
    // Every captured file has the shape AWS's API models give its operation (docs/snapshot-format.md).
    const validation = validateSnapshot(dir);
    expect(formatSnapshotValidation(validation, { quiet: true })).not.toContain("ERROR");
    expect(validation.files).toBeGreaterThan(100);
    const loaded = await loadSnapshot(dir);
    expect(loaded.accountId).toBe(model.accountId);
    expect([...loaded.regions].sort()).toEqual([...model.regions].sort());
    const fromSnapshot = await findings(loaded);
    expect(direct.findings.length).toBeGreaterThan(100);
    expect(direct.findings.some((f) => f.startsWith("FAIL"))).toBe(true);
    expect(fromSnapshot.findings).toEqual(direct.findings);
    expect(fromSnapshot.result.discovery.deniedCalls).toEqual([]);
  });

  it("a snapshot missing a call decides nothing for it, and says which call was missing", async () => {
    const model = generateAccount({ seed: "missing", regionCount: 1, assetsPerRegion: 3 });
    const region = model.regions[0] as string;
    model.files.delete(`${region}/ec2/describe-volumes`);
    const { result, findings: list } = await findings(model);
    expect(result.discovery.deniedCalls.map((c) => c.path)).toEqual([`${region}/ec2/describe-volumes`]);
    expect(result.assets.some((a) => a.type === "aws.ec2.volume")).toBe(false);
    expect(list.some((f) => f.includes(":volume/"))).toBe(false);
  });
});
