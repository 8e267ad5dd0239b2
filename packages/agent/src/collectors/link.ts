import {
  type Asset,
  type AssetOf,
  CIS_MONITORING_PATTERNS,
  type CisMonitoringPattern,
} from "../assets/index.ts";
import type { MonitoringFacts, TrailFacts } from "./collector.ts";
import { cisPatternsOf } from "./monitoring.ts";

export interface LinkInput {
  readonly accountId: string;
  /** Regions scanned, in order; the first is where an account without a monitored trail is reported. */
  readonly regions: readonly string[];
  readonly assets: readonly Asset[];
  /** `undefined` when no region's trails could be read. */
  readonly trails: readonly TrailFacts[] | undefined;
  readonly monitoring: readonly MonitoringFacts[];
}

/** True when a bucket ARN prefix selects `bucket` (`arn:aws:s3`, `arn:aws:s3:::` and `arn:aws:s3:::b/...`). */
function selects(prefix: string, bucketArn: string): boolean {
  if (/^arn:aws[a-z-]*:s3(:::)?$/.test(prefix)) return true;
  return `${bucketArn}/`.startsWith(prefix) || (prefix.endsWith("/") && `${bucketArn}/` === prefix);
}

function objectLevelLogging(bucketArn: string, trails: readonly TrailFacts[] | undefined) {
  if (trails === undefined) return null;
  let read = false;
  let write = false;
  let unknown = false;
  for (const t of trails) {
    if (!t.isLogging) continue;
    if (t.s3DataEvents === null) {
      unknown = true;
      continue;
    }
    for (const s of t.s3DataEvents) {
      if (!s.arnPrefixes.some((p) => selects(p, bucketArn))) continue;
      read ||= s.read;
      write ||= s.write;
    }
  }
  // A trail whose selectors could not be read might cover the bucket: then nothing is decided.
  if (unknown && !(read && write)) return null;
  return { read, write };
}

function logGroupOf(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):\d{12}:log-group:(.+?)(:\*)?$/.exec(arn);
  return m ? { region: m[1] as string, name: m[2] as string } : undefined;
}

function monitoringAsset(
  accountId: string,
  region: string,
  covered: ReadonlySet<CisMonitoringPattern>,
): AssetOf<"aws.logs.cis-monitoring"> {
  const patterns = {} as Record<CisMonitoringPattern, boolean>;
  for (const p of CIS_MONITORING_PATTERNS) patterns[p] = covered.has(p);
  return {
    arn: `${accountId}/${region}`,
    type: "aws.logs.cis-monitoring",
    region,
    accountId,
    name: "cis-monitoring",
    tags: {},
    config: { patterns },
  };
}

/**
 * CIS 4.x per region holding the log group of a logging multi-region trail: the patterns that
 * have a metric filter on that log group whose metric has an alarm notifying SNS. An account
 * with no such trail monitors nothing; it is reported in the first scanned region.
 */
function cisMonitoring(input: LinkInput): Asset[] {
  if (input.trails === undefined) return [];
  const byRegion = new Map(input.monitoring.map((m) => [m.region, m]));
  const groups = new Map<string, Set<string>>();
  for (const t of input.trails) {
    if (!t.isMultiRegionTrail || !t.isLogging || t.cloudWatchLogsLogGroupArn === null) continue;
    const g = logGroupOf(t.cloudWatchLogsLogGroupArn);
    if (!g) continue;
    const names = groups.get(g.region) ?? new Set<string>();
    names.add(g.name);
    groups.set(g.region, names);
  }
  const assets: Asset[] = [];
  for (const [region, names] of groups) {
    const facts = byRegion.get(region);
    if (!facts) continue;
    const alarmed = new Set(facts.alarmedMetrics);
    const covered = new Set<CisMonitoringPattern>();
    for (const f of facts.filters) {
      if (!names.has(f.logGroupName) || !f.metrics.some((m) => alarmed.has(m))) continue;
      for (const p of cisPatternsOf(f.pattern)) covered.add(p);
    }
    assets.push(monitoringAsset(input.accountId, region, covered));
  }
  const first = input.regions[0];
  if (groups.size === 0 && first !== undefined && byRegion.has(first)) {
    assets.push(monitoringAsset(input.accountId, first, new Set()));
  }
  return assets;
}

/** Completes assets that need facts from several collectors; pure. */
export function linkAssets(input: LinkInput): Asset[] {
  const out: Asset[] = input.assets.map((a) =>
    a.type === "aws.s3.bucket"
      ? { ...a, config: { ...a.config, objectLevelLogging: objectLevelLogging(a.arn, input.trails) } }
      : a,
  );
  out.push(...cisMonitoring(input));
  return out;
}
