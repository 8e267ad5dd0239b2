import {
  type Asset,
  type AssetOf,
  CIS_MONITORING_PATTERNS,
  type CisMonitoringPattern,
  GLOBAL_REGION,
  type UnreadField,
} from "../assets/index.ts";
import { cisPatternsOf } from "./cis-patterns.ts";
import type { MonitoringFacts, RegionTrails, TrailFacts } from "./collector.ts";

export interface LinkInput {
  readonly accountId: string;
  /** Regions scanned, in order; the first is where an account without a monitored trail is reported. */
  readonly regions: readonly string[];
  readonly assets: readonly Asset[];
  /** Every scanned region's trails, or why they could not be listed. */
  readonly trails: readonly RegionTrails[];
  readonly monitoring: readonly MonitoringFacts[];
}

/** Every known trail, and the first reason some trail (or a region's list) could not be read. */
function knownTrails(regions: readonly RegionTrails[]): { trails: TrailFacts[]; unread?: UnreadField } {
  const trails = regions.flatMap((r) => r.trails);
  const unread = regions.find((r) => r.unread)?.unread;
  return unread ? { trails, unread } : { trails };
}

/** True when a bucket ARN prefix selects `bucket` (`arn:aws:s3`, `arn:aws:s3:::` and `arn:aws:s3:::b/...`). */
function selects(prefix: string, bucketArn: string): boolean {
  if (/^arn:aws[a-z-]*:s3(:::)?$/.test(prefix)) return true;
  return `${bucketArn}/`.startsWith(prefix) || (prefix.endsWith("/") && `${bucketArn}/` === prefix);
}

/**
 * Which S3 data events reach some logging trail for `bucketArn`. Decided when the known trails
 * already log both reads and writes, or when every trail (list, status, selectors) was read;
 * otherwise why not.
 */
function objectLevelLogging(
  bucketArn: string,
  regions: readonly RegionTrails[],
): { read: boolean; write: boolean } | UnreadField {
  const known = knownTrails(regions);
  let read = false;
  let write = false;
  let unknown: UnreadField | undefined = known.unread;
  for (const t of known.trails) {
    if (t.isLogging === null) {
      unknown ??= t.statusUnread;
      continue;
    }
    if (!t.isLogging) continue;
    if (t.s3DataEvents === null) {
      unknown ??= t.selectorsUnread;
      continue;
    }
    for (const s of t.s3DataEvents) {
      if (!s.arnPrefixes.some((p) => selects(p, bucketArn))) continue;
      read ||= s.read;
      write ||= s.write;
    }
  }
  // A trail that could not be read might cover the bucket: then nothing is decided.
  if (unknown && !(read && write)) return unknown;
  return { read, write };
}

function logGroupOf(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):\d{12}:log-group:(.+?)(:\*)?$/.exec(arn);
  return m ? { region: m[1] as string, name: m[2] as string } : undefined;
}

function monitoringAsset(
  accountId: string,
  region: string,
  covered: ReadonlySet<CisMonitoringPattern> | UnreadField,
): AssetOf<"aws.logs.cis-monitoring"> {
  const header = {
    arn: `${accountId}/${region}`,
    type: "aws.logs.cis-monitoring" as const,
    region,
    accountId,
    name: "cis-monitoring",
    tags: {},
  };
  if (!(covered instanceof Set)) {
    return {
      ...header,
      config: {} as AssetOf<"aws.logs.cis-monitoring">["config"],
      unread: { patterns: covered as UnreadField },
    };
  }
  const patterns = {} as Record<CisMonitoringPattern, boolean>;
  for (const p of CIS_MONITORING_PATTERNS) patterns[p] = covered.has(p);
  return { ...header, config: { patterns } };
}

/**
 * CIS 4.x per region holding the log group of a logging multi-region trail: the patterns that
 * have a metric filter on that log group whose metric has an alarm notifying SNS. An account
 * with no such trail monitors nothing; it is reported in the first scanned region.
 */
function cisMonitoring(input: LinkInput): Asset[] {
  const byRegion = new Map(input.monitoring.map((m) => [m.region, m]));
  const known = knownTrails(input.trails);
  const first = input.regions[0];
  // Without every trail, which log groups are monitored is unknown: reported undecided, with why.
  if (known.unread) return first === undefined ? [] : [monitoringAsset(input.accountId, first, known.unread)];
  const groups = new Map<string, Set<string>>();
  let statusUnread: UnreadField | undefined;
  for (const t of known.trails) {
    if (!t.isMultiRegionTrail || t.cloudWatchLogsLogGroupArn === null) continue;
    if (t.isLogging === null) {
      statusUnread ??= t.statusUnread;
      continue;
    }
    if (!t.isLogging) continue;
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
    if (facts.unread) {
      assets.push(monitoringAsset(input.accountId, region, facts.unread));
      continue;
    }
    const alarmed = new Set(facts.alarmedMetrics);
    const covered = new Set<CisMonitoringPattern>();
    for (const f of facts.filters) {
      if (!names.has(f.logGroupName) || !f.metrics.some((m) => alarmed.has(m))) continue;
      for (const p of cisPatternsOf(f.pattern)) covered.add(p);
    }
    assets.push(monitoringAsset(input.accountId, region, covered));
  }
  if (groups.size === 0 && first !== undefined && byRegion.has(first)) {
    // No logging multi-region trail with a log group: nothing is monitored — unless a trail's
    // status could not be read, in which case that is not known.
    assets.push(monitoringAsset(input.accountId, first, statusUnread ?? new Set()));
  }
  return assets;
}

/** The account-level S3 public access block (`aws.s3.account-settings`), or why it is not known. */
function accountPublicAccessBlock(assets: readonly Asset[]): {
  value?: AssetOf<"aws.s3.account-settings">["config"]["publicAccessBlock"];
  unread?: UnreadField;
} {
  const settings = assets.find((a) => a.type === "aws.s3.account-settings");
  if (!settings)
    return {
      unread: {
        call: "s3:GetAccountPublicAccessBlock",
        kind: "failed",
        code: "NotCollected",
        message: "the account-level public access block was not read in this scan",
      },
    };
  const unread = settings.unread?.publicAccessBlock;
  return unread ? { unread } : { value: settings.config.publicAccessBlock };
}

/**
 * The account's CloudTrail coverage (FSBP CloudTrail.1): the multi-region trails that log and record
 * read and write management events. Found one: decided. Found none: decided only when every
 * region's trails and every multi-region trail's status and selectors were read. Only the scan
 * part that reads trails (the account shard) has any.
 */
function cloudTrailAccount(input: LinkInput): Asset[] {
  if (input.trails.length === 0) return [];
  const known = knownTrails(input.trails);
  const qualifying: string[] = [];
  let unknown: UnreadField | undefined = known.unread;
  for (const t of known.trails) {
    if (!t.isMultiRegionTrail) continue;
    if (t.isLogging === null || t.managementEvents === null) {
      unknown ??= t.isLogging === null ? t.statusUnread : t.selectorsUnread;
      continue;
    }
    if (t.isLogging && t.managementEvents.read && t.managementEvents.write) qualifying.push(t.arn);
  }
  const header = {
    arn: input.accountId,
    type: "aws.cloudtrail.account-settings" as const,
    region: GLOBAL_REGION,
    accountId: input.accountId,
    name: "cloudtrail",
    tags: {},
  };
  // A multi-region trail is listed in every region: each counted once.
  const trails = [...new Set(qualifying)].sort();
  if (trails.length === 0 && unknown !== undefined)
    return [
      {
        ...header,
        config: {} as AssetOf<"aws.cloudtrail.account-settings">["config"],
        unread: { multiRegionManagementTrails: unknown },
      },
    ];
  return [{ ...header, config: { multiRegionManagementTrails: trails } }];
}

/** Completes assets that need facts from several collectors; pure. */
export function linkAssets(input: LinkInput): Asset[] {
  const account = accountPublicAccessBlock(input.assets);
  const out: Asset[] = input.assets.map((a) => {
    if (a.type !== "aws.s3.bucket") return a;
    const logging = objectLevelLogging(a.arn, input.trails);
    const { objectLevelLogging: _o, accountPublicAccessBlock: _b, ...config } = a.config;
    const { objectLevelLogging: _uo, accountPublicAccessBlock: _ub, ...unread } = a.unread ?? {};
    const linked: Record<string, unknown> = { ...config };
    const missing: Record<string, UnreadField> = { ...unread };
    if ("call" in logging) missing.objectLevelLogging = logging;
    else linked.objectLevelLogging = logging;
    // The account-level block overrides the bucket's: copied onto each bucket, or why it is unknown.
    if (account.unread !== undefined) missing.accountPublicAccessBlock = account.unread;
    else linked.accountPublicAccessBlock = account.value ?? null;
    const bucket = { ...a, config: linked as typeof a.config };
    if (Object.keys(missing).length > 0) return { ...bucket, unread: missing };
    const { unread: _u, ...complete } = bucket;
    return complete;
  });
  out.push(...cisMonitoring(input), ...cloudTrailAccount(input));
  return out;
}
