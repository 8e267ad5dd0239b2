import { type Asset, parseAsset } from "../assets/index.ts";
import type { AwsClients } from "../aws/clients.ts";
import { type EvaluationPlan, emptySummary, evaluateAsset } from "../checks/index.ts";
import {
  accessAnalyzerCollector,
  type Collector,
  cisMonitoringCollector,
  cloudTrailCollector,
  configRecordersCollector,
  dynamoDbTablesCollector,
  ebsDefaultEncryptionCollector,
  ec2InstancesCollector,
  ecrRepositoriesCollector,
  ecsClustersCollector,
  ecsTaskDefinitionsCollector,
  efsFileSystemsCollector,
  eksClustersCollector,
  elastiCacheReplicationGroupsCollector,
  iamPasswordPolicyCollector,
  iamPoliciesCollector,
  iamRolesCollector,
  iamServerCertificatesCollector,
  iamUsersCollector,
  kmsKeysCollector,
  lambdaFunctionsCollector,
  linkAssets,
  type MonitoringFacts,
  networkAclsCollector,
  type RegionTrails,
  rdsInstancesCollector,
  rdsSnapshotsCollector,
  s3AccountPublicAccessBlockCollector,
  s3BucketsCollector,
  secretsManagerSecretsCollector,
  securityGroupsCollector,
  securityHubCollector,
  snapshotsCollector,
  snsTopicsCollector,
  sqsQueuesCollector,
  type Uncovered,
  volumesCollector,
  vpcsCollector,
} from "../collectors/index.ts";
import { AccountReader, type CallProblem, type RawRecorder } from "../discovery/reader.ts";
import type { ShardKind } from "../scheduler/shards.ts";
import { assessedData } from "./scan.ts";

/**
 * The scan flow cut into shards: a shard is (region, service group). Regional groups run their
 * collectors in one region. The `account` group runs once, in the home region: the global
 * collectors (IAM, S3) and — because `linkAssets` needs every region's trails (S3 object-level
 * logging, CIS 4.x monitoring) — CloudTrail and the CloudWatch Logs monitoring facts of every
 * scanned region. Together the groups run exactly the collectors of `COLLECTORS`.
 */
export interface ServiceGroup {
  readonly service: string;
  readonly scope: "regional" | "global";
  /** Run in the shard's region. */
  readonly collectors: readonly Collector[];
  /** Account group only: run in every scanned region, for the facts `linkAssets` needs. */
  readonly everyRegion?: readonly Collector[];
}

export const SERVICE_GROUPS: readonly ServiceGroup[] = [
  {
    service: "ec2",
    scope: "regional",
    collectors: [
      ec2InstancesCollector,
      securityGroupsCollector,
      volumesCollector,
      snapshotsCollector,
      vpcsCollector,
      networkAclsCollector,
      ebsDefaultEncryptionCollector,
    ],
  },
  { service: "rds", scope: "regional", collectors: [rdsInstancesCollector, rdsSnapshotsCollector] },
  { service: "kms", scope: "regional", collectors: [kmsKeysCollector] },
  { service: "lambda", scope: "regional", collectors: [lambdaFunctionsCollector] },
  { service: "eks", scope: "regional", collectors: [eksClustersCollector] },
  { service: "dynamodb", scope: "regional", collectors: [dynamoDbTablesCollector] },
  { service: "sqs", scope: "regional", collectors: [sqsQueuesCollector] },
  { service: "sns", scope: "regional", collectors: [snsTopicsCollector] },
  { service: "secretsmanager", scope: "regional", collectors: [secretsManagerSecretsCollector] },
  { service: "ecr", scope: "regional", collectors: [ecrRepositoriesCollector] },
  { service: "ecs", scope: "regional", collectors: [ecsTaskDefinitionsCollector, ecsClustersCollector] },
  { service: "elasticache", scope: "regional", collectors: [elastiCacheReplicationGroupsCollector] },
  {
    // Region-wide services CIS and FSBP ask about, and EFS.
    service: "services",
    scope: "regional",
    collectors: [
      accessAnalyzerCollector,
      configRecordersCollector,
      securityHubCollector,
      efsFileSystemsCollector,
    ],
  },
  {
    service: "account",
    scope: "global",
    collectors: [
      iamUsersCollector,
      iamPasswordPolicyCollector,
      iamRolesCollector,
      iamPoliciesCollector,
      iamServerCertificatesCollector,
      s3BucketsCollector,
      s3AccountPublicAccessBlockCollector,
    ],
    everyRegion: [cloudTrailCollector, cisMonitoringCollector],
  },
];

/** The scheduler's shard kinds for these groups (`assetTypes` lets a scan narrow to some types). */
export function shardKindsOf(groups: readonly ServiceGroup[] = SERVICE_GROUPS): ShardKind[] {
  return groups.map((g) => {
    const types = [...new Set([...g.collectors, ...(g.everyRegion ?? [])].flatMap((c) => c.resourceTypes))];
    return { service: g.service, scope: g.scope, assetType: types[0] ?? "unknown", assetTypes: types };
  });
}

export const SCAN_SHARD_KINDS: readonly ShardKind[] = shardKindsOf();

export class UnknownShardError extends Error {
  override readonly name = "UnknownShardError";
}

export interface ShardCollection {
  readonly assets: Asset[];
  /** (region, type) pairs whose listing failed: their assets may be missing, so none is gone. */
  readonly uncovered: Uncovered[];
  readonly invalidAssets: { arn: string; type: string }[];
  readonly deniedCalls: CallProblem[];
  readonly failedCalls: CallProblem[];
}

export interface CollectShardOptions {
  readonly clients: AwsClients;
  readonly accountId: string;
  readonly partition?: string;
  readonly region: string;
  readonly service: string;
  /** Every region of the scan (the account group reads trails and monitoring facts in each). */
  readonly regions: readonly string[];
  /** Only collectors producing one of these types, and only assets of these types. */
  readonly assetTypes?: readonly string[];
  readonly groups?: readonly ServiceGroup[];
  /** Receives every answer as snapshot files (`captureSnapshot`). */
  readonly recorder?: RawRecorder;
}

/** Runs one shard's collectors and links and validates their assets, in a stable order. */
export async function collectShard(options: CollectShardOptions): Promise<ShardCollection> {
  const group = (options.groups ?? SERVICE_GROUPS).find((g) => g.service === options.service);
  if (!group) throw new UnknownShardError(`no service group "${options.service}" in the scan's shard kinds`);
  const wanted = options.assetTypes ? new Set(options.assetTypes) : undefined;
  const keep = (c: Collector) => !wanted || c.resourceTypes.some((t) => wanted.has(t));
  const partition = options.partition ?? "aws";
  const read = new AccountReader(options.recorder);
  const { clients } = options;
  const context = (region: string) => ({
    accountId: options.accountId,
    partition,
    region,
    clients: clients.forRegion(region),
    clientsFor: (r: string) => clients.forRegion(r),
    read,
  });
  const assets: Asset[] = [];
  const trails: RegionTrails[] = [];
  const monitoring: MonitoringFacts[] = [];
  const uncovered: Uncovered[] = [];
  const run = async (collector: Collector, region: string) => {
    const out = await collector.collect(context(region));
    assets.push(...out.assets);
    if (out.trails) trails.push(out.trails);
    if (out.monitoring) monitoring.push(out.monitoring);
    if (out.uncovered) uncovered.push(...out.uncovered);
  };
  await Promise.all([
    ...group.collectors.filter(keep).map((c) => run(c, options.region)),
    ...(group.everyRegion ?? []).filter(keep).flatMap((c) => options.regions.map((r) => run(c, r))),
  ]);
  const linked = group.everyRegion
    ? linkAssets({ accountId: options.accountId, regions: options.regions, assets, trails, monitoring })
    : assets;
  const valid: Asset[] = [];
  const invalidAssets: { arn: string; type: string }[] = [];
  for (const asset of linked) {
    if (wanted && !wanted.has(asset.type)) continue;
    const parsed = parseAsset(asset);
    if (parsed.ok) valid.push(parsed.asset);
    else invalidAssets.push({ arn: asset.arn, type: asset.type });
  }
  valid.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : a.type < b.type ? -1 : 1));
  return { assets: valid, uncovered, invalidAssets, deniedCalls: read.denied, failedCalls: read.failed };
}

/** Evaluates a shard's assets: what `asset-assessed` carries (identity and results, never configuration). */
export function assessShard(
  plan: EvaluationPlan,
  assets: readonly Asset[],
  partition = "aws",
  assessedAt = new Date().toISOString(),
) {
  const summary = emptySummary();
  return assets.map((asset) => {
    const data = assessedData("-", evaluateAsset(plan, asset, summary), assessedAt, partition);
    return { asset: data.asset, results: data.results };
  });
}
