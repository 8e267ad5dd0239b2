import { type AccountModel, generateAccount } from "@vigil/testkit";
import { describe, expect, it } from "vitest";
import {
  type Asset,
  assetSchemas,
  CATALOGUE,
  COLLECTORS,
  captureSnapshot,
  collectShard,
  planShards,
  runScan,
  SCAN_SHARD_KINDS,
  type ScanResult,
} from "../../src/index.ts";
import { simulated } from "./sim.ts";

/**
 * A scanner that never guesses: every check runs from what a collector read, declares what it
 * reads, and a call that fails only turns the verdicts that depend on it into `error`, naming it.
 */

const NOW = "2026-06-01T00:00:00Z";

/** Services whose every check must both pass and fail in the simulated accounts below. */
const BOTH_VERDICTS = new Set([
  "elb",
  "elbv2",
  "cloudfront",
  "apigateway",
  "apigatewayv2",
  "acm",
  "wafv2",
  "redshift",
  "opensearch",
  "docdb",
  "neptune",
]);

/** Every asset of the account, as the shards collect and link them. */
async function collectAll(model: AccountModel): Promise<Asset[]> {
  const { clients } = simulated(model);
  try {
    const assets: Asset[] = [];
    for (const shard of planShards(model.regions, SCAN_SHARD_KINDS)) {
      const out = await collectShard({
        clients,
        accountId: model.accountId,
        region: shard.region,
        service: shard.service,
        regions: model.regions,
      });
      assets.push(...out.assets);
    }
    return assets;
  } finally {
    clients.destroy();
  }
}

async function scan(model: AccountModel): Promise<ScanResult> {
  const { clients } = simulated(model);
  try {
    return await runScan({ clients, now: NOW, scanId: "truth" });
  } finally {
    clients.destroy();
  }
}

/** `asset check` → status (and the evidence of an error). */
function verdicts(result: ScanResult): Map<string, { status: string; evidence?: string }> {
  const out = new Map<string, { status: string; evidence?: string }>();
  for (const report of result.reports)
    for (const r of report.results)
      out.set(`${report.asset.arn} ${r.checkId}`, {
        status: r.status,
        ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
      });
  return out;
}

describe("the catalogue against the collectors", () => {
  it("has a collector producing every check's resource type (the EBS scanner the OS checks')", () => {
    const produced = new Set<string>([...COLLECTORS.flatMap((c) => c.resourceTypes), "aws.ec2.instance-os"]);
    expect(CATALOGUE.filter((c) => !produced.has(c.resourceType)).map((c) => c.id)).toEqual([]);
  });

  it("every check reads only the fields it declares, and declares only fields of its type", async () => {
    const assets = [
      ...(await collectAll(generateAccount({ seed: 21, regionCount: 2, assetsPerRegion: 6 }))),
      ...(await collectAll(
        generateAccount({ seed: 22, regionCount: 2, assetsPerRegion: 6, misconfigurationRate: 0.8 }),
      )),
    ];
    const undeclared: string[] = [];
    for (const check of CATALOGUE) {
      const declared = new Set<string>(check.reads);
      for (const asset of assets) {
        if (asset.type !== check.resourceType) continue;
        const config = new Proxy(asset.config as object, {
          get(target, key, receiver) {
            if (typeof key === "string" && !declared.has(key)) undeclared.push(`${check.id} reads ${key}`);
            return Reflect.get(target, key, receiver);
          },
        });
        try {
          (check.evaluate as (a: unknown, c: { now: number }) => unknown)(
            { ...asset, config },
            { now: Date.parse(NOW) },
          );
        } catch {
          // an unread field: the evaluator's business, not this test's
        }
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
    // And each declared field is one of its type's config fields.
    for (const check of CATALOGUE) {
      const shape = (assetSchemas[check.resourceType] as unknown as { shape: { config: { shape: object } } })
        .shape.config.shape;
      expect(
        check.reads.filter((f) => !(f in shape)),
        check.id,
      ).toEqual([]);
    }
  });

  it("every check in the catalogue decides (pass or fail) somewhere in a simulated account", async () => {
    const decided = new Set<string>();
    const verdicts = new Map<string, Set<string>>();
    for (const [seed, rate] of [
      [31, 0.3],
      [32, 0.7],
    ] as const) {
      const result = await scan(
        generateAccount({ seed, regionCount: 2, assetsPerRegion: 6, misconfigurationRate: rate }),
      );
      for (const report of result.reports)
        for (const r of report.results)
          if (r.status === "pass" || r.status === "fail") {
            decided.add(r.checkId);
            verdicts.set(r.checkId, (verdicts.get(r.checkId) ?? new Set()).add(r.status));
          }
    }
    // The OS checks decide on what the EBS scanner reads from disks (tests/os/), not on API answers.
    const apiChecks = CATALOGUE.filter((c) => c.resourceType !== "aws.ec2.instance-os");
    const silent = apiChecks.map((c) => c.id).filter((id) => !decided.has(id));
    expect(silent).toEqual([]);
    expect(decided.size).toBe(apiChecks.length);
    // The services added with the catalogue's breadth are generated so that each of their checks
    // both passes and fails somewhere.
    const oneSided = apiChecks
      .filter((c) => BOTH_VERDICTS.has(c.id.split(".")[1] ?? ""))
      .filter((c) => verdicts.get(c.id)?.size !== 2)
      .map((c) => `${c.id}: only ${[...(verdicts.get(c.id) ?? [])].join(", ")}`);
    expect(oneSided).toEqual([]);
  });
});

describe("a call that is denied", () => {
  it("only turns the verdicts that depend on it into error, naming the call; nothing flips, nothing is gone", async () => {
    const model = generateAccount({
      seed: 41,
      regionCount: 1,
      assetsPerRegion: 5,
      misconfigurationRate: 0.5,
    });
    const baseline = await scan(model);
    const before = verdicts(baseline);
    expect(baseline.discovery.deniedCalls).toEqual([]);
    // The files a scan reads (a snapshot of it); one per (service, command), denied in turn.
    const { clients } = simulated(model);
    const read = await captureSnapshot({ clients }).finally(() => clients.destroy());
    const byCommand = new Map<string, string>();
    for (const key of [...read.files.keys()].sort()) {
      const [, service, command] = key.split("/");
      const value = model.files.get(key) as { Error?: unknown } | undefined;
      if (value?.Error !== undefined) continue;
      const kind = `${service}/${command}`;
      if (!byCommand.has(kind)) byCommand.set(kind, key);
    }
    expect(byCommand.size).toBeGreaterThan(40);
    // Denied in rounds: each round denies one command of every service at once (services read
    // apart, so their effects stay apart), every command is denied in some round, and each round
    // is one scan — as many scans as the busiest service has commands, not one per command.
    const byService = new Map<string, string[]>();
    for (const [kind, key] of byCommand) {
      const service = kind.split("/")[0] as string;
      byService.set(service, [...(byService.get(service) ?? []), key]);
    }
    const rounds = Math.max(...[...byService.values()].map((keys) => keys.length));
    /** Denies `keys` at once; the problems, and the keys the scan did not name (never called). */
    const deny = async (keys: readonly string[], during: string) => {
      const problems: string[] = [];
      const files = new Map(model.files);
      for (const key of keys)
        files.set(key, { Error: { Code: "AccessDenied", Message: `denied by the test: ${key}` } });
      const denied = await scan({ ...model, files });
      const after = verdicts(denied);
      const unnamed = keys.filter((key) => !denied.discovery.deniedCalls.some((c) => c.path === key));
      for (const [what, was] of before) {
        const now = after.get(what);
        if (now === undefined) {
          // Gone from this scan: only when the listing was denied, and then not covered.
          const [arn] = what.split(" ");
          const asset = baseline.assets.find((a) => a.arn === arn);
          const excluded = denied.completed?.coverage?.excluded ?? [];
          const covered = excluded.some(
            (e) => e.assetType === asset?.type && (e.region === "*" || e.region === asset?.region),
          );
          if (!covered) problems.push(`${during}: ${what} vanished while its type stayed covered`);
          continue;
        }
        if (now.status === was.status) continue;
        if (now.status !== "error") problems.push(`${during}: ${what} went ${was.status} → ${now.status}`);
        else if (!/could not be assessed: \S+ denied/.test(now.evidence ?? ""))
          problems.push(`${during}: ${what} is error without naming the call (${now.evidence})`);
      }
      return { problems, unnamed };
    };
    const problems: string[] = [];
    let deniedInAll = 0;
    const alone: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const keys = [...byService.values()].flatMap((k) =>
        k[round] === undefined ? [] : [k[round] as string],
      );
      deniedInAll += keys.length;
      const outcome = await deny(keys, `round ${round + 1} (${keys.join(", ")})`);
      problems.push(...outcome.problems);
      // A call another denial of the round made unnecessary (SSM's instance information after EC2's
      // instances were denied) is denied again on its own.
      alone.push(...outcome.unnamed);
    }
    for (const key of alone) {
      const outcome = await deny([key], key);
      problems.push(...outcome.problems);
      // The scan names the call it could not read.
      if (outcome.unnamed.length > 0) problems.push(`${key}: not listed among the denied calls`);
    }
    expect(deniedInAll).toBe(byCommand.size);
    expect(problems).toEqual([]);
    // One scan per round: the busiest service's command count (about 18), each well under a second
    // now that every service has its own API budget, instead of one scan per command (about 160).
  }, 600_000);
});
