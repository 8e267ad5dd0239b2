import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { type Asset, GLOBAL_REGION, parseAsset } from "../assets/index.ts";
import type { AwsClients } from "../aws/clients.ts";
import { mapLimit } from "../collectors/collector.ts";
import {
  COLLECTORS,
  type Collector,
  linkAssets,
  type MonitoringFacts,
  type TrailFacts,
} from "../collectors/index.ts";
import { AccountReader, type CallProblem, errorCodeOf, errorMessageOf, type RawRecorder } from "./reader.ts";

export interface RegionStatus {
  readonly region: string;
  readonly status: "enabled" | "opted-out";
}

export type DiscoveryProgress =
  | { readonly kind: "regions"; readonly regions: readonly RegionStatus[] }
  | { readonly kind: "region-started"; readonly region: string; readonly collectors: number }
  | {
      readonly kind: "collector-finished";
      readonly region: string;
      readonly collector: string;
      readonly assets: number;
    }
  | { readonly kind: "region-finished"; readonly region: string; readonly assets: number };

export interface DiscoverOptions {
  readonly clients: AwsClients;
  /** Only these regions (must be enabled); default every enabled region. */
  readonly regions?: readonly string[];
  readonly collectors?: readonly Collector[];
  /** Regions collected at once; default 4. */
  readonly regionConcurrency?: number;
  /** Receives every answer as snapshot files (used by `captureSnapshot`). */
  readonly recorder?: RawRecorder;
  readonly onProgress?: (progress: DiscoveryProgress) => void;
  /** Awaited once the account and its regions are known, before any collector runs (the scan emits "started" here). */
  readonly beforeCollect?: (account: AccountIdentity) => Promise<void> | void;
}

export interface AccountIdentity {
  readonly accountId: string;
  readonly partition: string;
  readonly regions: readonly RegionStatus[];
  readonly scannedRegions: readonly string[];
  readonly shardsPerRegion: Readonly<Record<string, number>>;
}

/** An asset a collector built that breaks its schema: a collector bug, reported instead of assessed. */
export interface InvalidAsset {
  readonly arn: string;
  readonly type: string;
  readonly issues: readonly { path: string; message: string }[];
}

export interface Discovery {
  readonly accountId: string;
  readonly partition: string;
  readonly regions: readonly RegionStatus[];
  /** The enabled regions collected, in order. */
  readonly scannedRegions: readonly string[];
  readonly assets: Asset[];
  readonly invalidAssets: InvalidAsset[];
  /** Calls denied or absent from a snapshot: the checks that need them decided nothing. */
  readonly deniedCalls: CallProblem[];
  readonly failedCalls: CallProblem[];
  /** Collectors per region (the scan's shards). */
  readonly shardsPerRegion: Readonly<Record<string, number>>;
  readonly durationMs: number;
}

/** The account cannot be discovered at all (no identity, no regions): nothing to scan. */
export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function discoverAccount(options: DiscoverOptions): Promise<Discovery> {
  const started = performance.now();
  const { clients } = options;
  const collectors = options.collectors ?? COLLECTORS;
  const read = new AccountReader(options.recorder);
  const home = clients.forRegion(clients.homeRegion);

  let accountId: string;
  let partition = "aws";
  try {
    const identity = await home.sts.send(new GetCallerIdentityCommand({}));
    accountId = identity.Account ?? "";
    partition = /^arn:(aws[a-z-]*):/.exec(identity.Arn ?? "")?.[1] ?? "aws";
  } catch (e) {
    throw new DiscoveryError(
      errorCodeOf(e),
      `Cannot identify the account (sts:GetCallerIdentity failed: ${errorMessageOf(e)}). Check the credentials or --profile.`,
    );
  }

  let regions: RegionStatus[];
  try {
    const out = await home.ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    regions = (out.Regions ?? [])
      .flatMap((r) =>
        r.RegionName
          ? [
              {
                region: r.RegionName,
                status: r.OptInStatus === "not-opted-in" ? "opted-out" : "enabled",
              } as const,
            ]
          : [],
      )
      .sort((a, b) => a.region.localeCompare(b.region));
  } catch (e) {
    throw new DiscoveryError(
      errorCodeOf(e),
      `Cannot list the account's regions (ec2:DescribeRegions failed: ${errorMessageOf(e)}).`,
    );
  }
  const enabled = regions.filter((r) => r.status === "enabled").map((r) => r.region);
  if (options.regions !== undefined) {
    const unknown = options.regions.filter((r) => !enabled.includes(r));
    if (unknown.length > 0) {
      throw new DiscoveryError(
        "RegionNotEnabled",
        `Region(s) ${unknown.join(", ")} are not enabled in account ${accountId}; enabled: ${enabled.join(", ")}.`,
      );
    }
  }
  // Keep the home region first so account-wide findings land in a predictable place.
  const scanned = (options.regions ?? enabled)
    .slice()
    .sort((a, b) => (a === clients.homeRegion ? -1 : b === clients.homeRegion ? 1 : a.localeCompare(b)));
  options.onProgress?.({ kind: "regions", regions });

  const regional = collectors.filter((c) => c.scope === "regional");
  const global = collectors.filter((c) => c.scope === "global");
  const shardsPerRegion: Record<string, number> = {};
  for (const r of scanned) shardsPerRegion[r] = regional.length;
  await options.beforeCollect?.({ accountId, partition, regions, scannedRegions: scanned, shardsPerRegion });
  const assets: Asset[] = [];
  let trails: TrailFacts[] | undefined;
  const monitoring: MonitoringFacts[] = [];
  const context = (region: string) => ({
    accountId,
    partition,
    region,
    clients: clients.forRegion(region),
    clientsFor: (r: string) => clients.forRegion(r),
    read,
  });

  const runRegion = async (region: string, list: readonly Collector[], progressRegion: string) => {
    options.onProgress?.({ kind: "region-started", region: progressRegion, collectors: list.length });
    let count = 0;
    await Promise.all(
      list.map(async (collector) => {
        const out = await collector.collect(context(region));
        assets.push(...out.assets);
        count += out.assets.length;
        if (out.trails) trails = [...(trails ?? []), ...out.trails];
        if (out.monitoring) monitoring.push(out.monitoring);
        options.onProgress?.({
          kind: "collector-finished",
          region: progressRegion,
          collector: collector.id,
          assets: out.assets.length,
        });
      }),
    );
    options.onProgress?.({ kind: "region-finished", region: progressRegion, assets: count });
  };

  await Promise.all([
    runRegion(clients.homeRegion, global, GLOBAL_REGION),
    mapLimit(scanned, options.regionConcurrency ?? 4, (region) => runRegion(region, regional, region)),
  ]);

  const linked = linkAssets({ accountId, regions: scanned, assets, trails, monitoring });
  const valid: Asset[] = [];
  const invalidAssets: InvalidAsset[] = [];
  for (const asset of linked) {
    const parsed = parseAsset(asset);
    if (parsed.ok) valid.push(parsed.asset);
    else invalidAssets.push({ arn: asset.arn, type: asset.type, issues: parsed.issues });
  }
  // Stable order, whatever order the calls finished in.
  valid.sort((a, b) =>
    a.region === b.region
      ? a.type === b.type
        ? cmp(a.arn, b.arn)
        : cmp(a.type, b.type)
      : cmp(a.region, b.region),
  );
  return {
    accountId,
    partition,
    regions,
    scannedRegions: scanned,
    assets: valid,
    invalidAssets,
    deniedCalls: read.denied,
    failedCalls: read.failed,
    shardsPerRegion,
    durationMs: performance.now() - started,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
