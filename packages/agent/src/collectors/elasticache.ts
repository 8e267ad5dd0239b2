import {
  type CacheCluster,
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeReplicationGroups,
  type ReplicationGroup,
} from "@aws-sdk/client-elasticache";
import type { AssetOf } from "../assets/index.ts";
import { registerClients } from "../aws/clients.ts";
import { listedCollector, regionalAsset, type Where } from "./listed.ts";
import { UnreadFields } from "./unread.ts";

registerClients({ elasticache: ElastiCacheClient });

/** A replication group as `DescribeReplicationGroups` lists it: the listing holds all the checks need. */
export function elastiCacheReplicationGroupAsset(
  c: Where,
  g: ReplicationGroup,
): AssetOf<"aws.elasticache.replication-group"> {
  const id = g.ReplicationGroupId ?? "";
  return regionalAsset(
    c,
    "aws.elasticache.replication-group",
    {
      arn: g.ARN ?? `arn:${c.partition}:elasticache:${c.region}:${c.accountId}:replicationgroup:${id}`,
      name: id,
    },
    {
      replicationGroupId: id,
      snapshotRetentionLimit: g.SnapshotRetentionLimit ?? 0,
      automaticFailover: g.AutomaticFailover ?? "disabled",
      atRestEncryptionEnabled: g.AtRestEncryptionEnabled === true,
      transitEncryptionEnabled: g.TransitEncryptionEnabled === true,
    },
    new UnreadFields(),
  );
}

export const elastiCacheReplicationGroupsCollector = listedCollector({
  id: "elasticache-replication-groups",
  type: "aws.elasticache.replication-group",
  service: "elasticache",
  command: "describe-replication-groups",
  pages: (c) => paginateDescribeReplicationGroups({ client: c.clients.elasticache, pageSize: 100 }, {}),
  items: (listing) => listing.ReplicationGroups,
  asset: async (c, g) => elastiCacheReplicationGroupAsset(c, g),
});

/** A cache cluster as `DescribeCacheClusters` lists it: the listing holds all the checks need. */
export function elastiCacheCacheClusterAsset(
  c: Where,
  cc: CacheCluster,
): AssetOf<"aws.elasticache.cache-cluster"> {
  const id = cc.CacheClusterId ?? "";
  return regionalAsset(
    c,
    "aws.elasticache.cache-cluster",
    {
      arn: cc.ARN ?? `arn:${c.partition}:elasticache:${c.region}:${c.accountId}:cluster:${id}`,
      name: id,
    },
    {
      cacheClusterId: id,
      engine: cc.Engine ?? "",
      engineVersion: cc.EngineVersion ?? "",
      replicationGroupId: cc.ReplicationGroupId ?? null,
      autoMinorVersionUpgrade: cc.AutoMinorVersionUpgrade === true,
      cacheSubnetGroupName: cc.CacheSubnetGroupName ?? null,
      authTokenEnabled: cc.AuthTokenEnabled === true,
    },
    new UnreadFields(),
  );
}

export const elastiCacheCacheClustersCollector = listedCollector({
  id: "elasticache-cache-clusters",
  type: "aws.elasticache.cache-cluster",
  service: "elasticache",
  command: "describe-cache-clusters",
  pages: (c) => paginateDescribeCacheClusters({ client: c.clients.elasticache, pageSize: 100 }, {}),
  items: (listing) => listing.CacheClusters,
  asset: async (c, cc) => elastiCacheCacheClusterAsset(c, cc),
});
