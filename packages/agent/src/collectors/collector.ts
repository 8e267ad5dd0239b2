import type { Asset, AssetOf, ResourceType, UnreadField } from "../assets/index.ts";
import type { RegionClients } from "../aws/clients.ts";
import type { AccountReader, RawOutcome } from "../discovery/reader.ts";

/** What a collector knows while it runs. */
export interface CollectContext {
  readonly accountId: string;
  /** `aws`, `aws-cn`, `aws-us-gov`: from the caller identity's ARN. */
  readonly partition: string;
  /** The region collected, or the home region for global collectors. */
  readonly region: string;
  readonly clients: RegionClients;
  /** Clients of another region (S3 buckets are listed globally but answer in their own region). */
  readonly clientsFor: (region: string) => RegionClients;
  readonly read: AccountReader;
}

/** A trail's facts that other collectors' assets depend on (S3 object-level logging, CIS monitoring). */
export interface TrailFacts {
  readonly arn: string;
  readonly homeRegion: string;
  readonly isMultiRegionTrail: boolean;
  /** `null` when `GetTrailStatus` could not be read (`statusUnread` says why). */
  readonly isLogging: boolean | null;
  readonly statusUnread?: UnreadField;
  readonly cloudWatchLogsLogGroupArn: string | null;
  /** S3 data events this trail records; `null` when the event selectors could not be read. */
  readonly s3DataEvents: S3DataEventSelector[] | null;
  /** The management events this trail records; `null` when the event selectors could not be read. */
  readonly managementEvents: { readonly read: boolean; readonly write: boolean } | null;
  readonly selectorsUnread?: UnreadField;
}

/** One region's trails, or why they could not be listed (then no trail of it is known). */
export interface RegionTrails {
  readonly region: string;
  readonly trails: readonly TrailFacts[];
  readonly unread?: UnreadField;
}

export interface S3DataEventSelector {
  /** Bucket ARN prefixes (`arn:aws:s3` or `arn:aws:s3:::` for every bucket, `arn:aws:s3:::b/` for one). */
  readonly arnPrefixes: readonly string[];
  readonly read: boolean;
  readonly write: boolean;
}

/** One region's CloudWatch Logs metric filters and alarms, reduced to what CIS monitoring needs. */
export interface MonitoringFacts {
  readonly region: string;
  /** Set when the filters or alarms could not be read: nothing of this region's monitoring is known. */
  readonly unread?: UnreadField;
  readonly filters: readonly { logGroupName: string; pattern: string; metrics: readonly string[] }[];
  /** `namespace/metricName` of alarms that notify an SNS topic. */
  readonly alarmedMetrics: readonly string[];
}

/** Assets of a type a scan could not list in full in a region (`*`: every region): none of them may be taken for gone. */
export interface Uncovered {
  readonly region: string;
  readonly assetType: string;
}

export interface CollectorOutput {
  readonly assets: Asset[];
  /** The listing call failed: these (region, type) pairs were not seen in full. */
  readonly uncovered?: readonly Uncovered[];
  readonly trails?: RegionTrails;
  readonly monitoring?: MonitoringFacts;
}

export interface Collector {
  readonly id: string;
  readonly scope: "regional" | "global";
  /** The asset types it produces (some are completed by `linkAssets` after every collector ran). */
  readonly resourceTypes: readonly ResourceType[];
  collect(context: CollectContext): Promise<CollectorOutput>;
}

type AwsTag = { Key?: string | undefined; Value?: string | undefined };

export function tagsOf(tags: readonly AwsTag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}

/** A Block Public Access configuration (a bucket's or the account's) as the assets hold it; none set is `null`. */
export function publicAccessBlockOf(
  pab: PublicAccessBlockFlags | undefined,
): AssetOf<"aws.s3.bucket">["config"]["publicAccessBlock"] {
  return pab
    ? {
        blockPublicAcls: pab.BlockPublicAcls === true,
        ignorePublicAcls: pab.IgnorePublicAcls === true,
        blockPublicPolicy: pab.BlockPublicPolicy === true,
        restrictPublicBuckets: pab.RestrictPublicBuckets === true,
      }
    : null;
}

interface PublicAccessBlockFlags {
  readonly BlockPublicAcls?: boolean | undefined;
  readonly IgnorePublicAcls?: boolean | undefined;
  readonly BlockPublicPolicy?: boolean | undefined;
  readonly RestrictPublicBuckets?: boolean | undefined;
}

/** Sets `name` only when there is one (the asset schema's `name` is optional, not nullable). */
export function withName<T extends object>(asset: T, name: string | undefined): T {
  return name === undefined || name === "" ? asset : { ...asset, name };
}

export function isoOrNull(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Runs `fn` over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * What a collector returns when the call that lists its resources failed: nothing, and the
 * (region, type) pairs it could not see (`*` for a global collector, whose resources may live in
 * any region), so the scan does not take their assets for gone.
 */
export function notListed(
  c: Pick<CollectContext, "region">,
  collector: Pick<Collector, "scope" | "resourceTypes">,
  types: readonly string[] = collector.resourceTypes,
): CollectorOutput {
  const region = collector.scope === "global" ? "*" : c.region;
  return { assets: [], uncovered: types.map((assetType) => ({ region, assetType })) };
}

/**
 * For APIs without SDK paginators: asks page after page, passing the token the last answer gave
 * (`tokenOf`); `read.pages` merges them as the AWS CLI does.
 */
export async function* followPages<T extends object>(
  page: (token: string | undefined) => Promise<T>,
  tokenOf: (answer: T) => string | undefined,
): AsyncIterable<T> {
  let token: string | undefined;
  do {
    const next = await page(token);
    yield next;
    token = tokenOf(next);
  } while (token);
}

/** A region-wide listing shared by a collector's assets, read at most once and only when first asked for. */
export function lazyRead<T extends object>(read: () => Promise<RawOutcome<T>>): () => Promise<RawOutcome<T>> {
  let out: Promise<RawOutcome<T>> | undefined;
  return () => {
    out ??= read();
    return out;
  };
}
