/**
 * A scan is split into shards — one (region, service) pair of one account — each a job on the
 * agent's queue, so a scan outlives one Lambda invocation and survives crashes.
 */

/** One kind of shard: a service collected per region (or once, in the home region, when global). */
export interface ShardKind {
  readonly service: string;
  /** The asset type the shard is reported under (`vigil.scan.shard-completed.v1`'s `assetType`). */
  readonly assetType: string;
  readonly scope: "regional" | "global";
  /** Every asset type the shard produces (default `[assetType]`): a scan narrowed to types plans only these kinds. */
  readonly assetTypes?: readonly string[];
}

/** The kinds a scan narrowed to `assetTypes` needs (all kinds when not narrowed). */
export function kindsFor(
  kinds: readonly ShardKind[],
  assetTypes: readonly string[] | undefined,
): ShardKind[] {
  if (assetTypes === undefined || assetTypes.length === 0) return [...kinds];
  const wanted = new Set(assetTypes);
  return kinds.filter((k) => (k.assetTypes ?? [k.assetType]).some((t) => wanted.has(t)));
}

export interface Shard {
  /** `<region>/<service>`: unique within a scan (a scan covers one account). */
  readonly shardId: string;
  readonly region: string;
  readonly service: string;
  readonly assetType: string;
}

/** The shard kinds a full scan covers: the collectors' services (global ones run in the home region). */
export const DEFAULT_SHARD_KINDS: readonly ShardKind[] = [
  { service: "ec2", assetType: "aws.ec2.instance", scope: "regional" },
  { service: "rds", assetType: "aws.rds.db-instance", scope: "regional" },
  { service: "lambda", assetType: "aws.lambda.function", scope: "regional" },
  { service: "eks", assetType: "aws.eks.cluster", scope: "regional" },
  { service: "kms", assetType: "aws.kms.key", scope: "regional" },
  { service: "cloudtrail", assetType: "aws.cloudtrail.trail", scope: "regional" },
  { service: "logs", assetType: "aws.logs.metric-filter", scope: "regional" },
  { service: "iam", assetType: "aws.iam.user", scope: "global" },
  { service: "s3", assetType: "aws.s3.bucket", scope: "global" },
];

export function shardIdOf(region: string, service: string): string {
  return `${region}/${service}`;
}

/**
 * Every shard of a scan over `regions`, in a stable order (regions as given, kinds as given);
 * global kinds once, in `homeRegion` (default: the first region).
 */
export function planShards(
  regions: readonly string[],
  kinds: readonly ShardKind[] = DEFAULT_SHARD_KINDS,
  homeRegion: string | undefined = regions[0],
): Shard[] {
  const shards: Shard[] = [];
  for (const region of regions) {
    for (const kind of kinds) {
      if (kind.scope === "global" && region !== homeRegion) continue;
      shards.push({
        shardId: shardIdOf(region, kind.service),
        region,
        service: kind.service,
        assetType: kind.assetType,
      });
    }
  }
  if (homeRegion !== undefined && !regions.includes(homeRegion)) {
    for (const kind of kinds.filter((k) => k.scope === "global")) {
      shards.push({
        shardId: shardIdOf(homeRegion, kind.service),
        region: homeRegion,
        service: kind.service,
        assetType: kind.assetType,
      });
    }
  }
  return shards;
}
