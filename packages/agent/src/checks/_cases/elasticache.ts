import type { CacheCluster, ReplicationGroup } from "@aws-sdk/client-elasticache";
import { elastiCacheCacheClusterAsset, elastiCacheReplicationGroupAsset } from "../../collectors/index.ts";
import { ACCOUNT, REGION } from "./aws.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** One `DescribeReplicationGroups` `ReplicationGroups` entry, as a careful owner configures it. */
export const GROUP: ReplicationGroup = {
  ReplicationGroupId: "sessions",
  Description: "web sessions",
  Status: "available",
  MemberClusters: ["sessions-001", "sessions-002"],
  AutomaticFailover: "enabled",
  MultiAZ: "enabled",
  SnapshotRetentionLimit: 7,
  SnapshotWindow: "03:00-04:00",
  ClusterEnabled: false,
  CacheNodeType: "cache.r7g.large",
  AuthTokenEnabled: true,
  TransitEncryptionEnabled: true,
  TransitEncryptionMode: "required",
  AtRestEncryptionEnabled: true,
  KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/2222`,
  ARN: `arn:aws:elasticache:${REGION}:${ACCOUNT}:replicationgroup:sessions`,
  Engine: "redis",
};
export const group = (over: Partial<ReplicationGroup> = {}) =>
  elastiCacheReplicationGroupAsset(WHERE, { ...GROUP, ...over });
/** One `DescribeCacheClusters` `CacheClusters` entry: the primary node of that replication group. */
export const CACHE_CLUSTER: CacheCluster = {
  CacheClusterId: "sessions-001",
  ClientDownloadLandingPage: "https://console.aws.amazon.com/elasticache/home#client-download:",
  CacheNodeType: "cache.r7g.large",
  Engine: "redis",
  EngineVersion: "7.1.0",
  CacheClusterStatus: "available",
  NumCacheNodes: 1,
  PreferredAvailabilityZone: `${REGION}a`,
  PreferredMaintenanceWindow: "sun:05:00-sun:06:00",
  CacheSubnetGroupName: "sessions-private",
  AutoMinorVersionUpgrade: true,
  ReplicationGroupId: "sessions",
  SnapshotRetentionLimit: 7,
  SnapshotWindow: "03:00-04:00",
  AuthTokenEnabled: true,
  TransitEncryptionEnabled: true,
  AtRestEncryptionEnabled: true,
  ARN: `arn:aws:elasticache:${REGION}:${ACCOUNT}:cluster:sessions-001`,
};
export const cacheCluster = (over: Partial<CacheCluster> = {}) =>
  elastiCacheCacheClusterAsset(WHERE, { ...CACHE_CLUSTER, ...over });
