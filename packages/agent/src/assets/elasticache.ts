import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One ElastiCache (Redis OSS / Valkey) replication group, as `DescribeReplicationGroups` lists it. */
export const elastiCacheReplicationGroupSchema = assetSchemaOf("aws.elasticache.replication-group", () =>
  z.object({
    replicationGroupId: z.string(),
    /** `SnapshotRetentionLimit`: days automatic backups are kept (0: none). */
    snapshotRetentionLimit: z.number().int().nonnegative(),
    /** `AutomaticFailover`: `enabled`, `enabling`, `disabled`, `disabling`. */
    automaticFailover: z.string(),
    atRestEncryptionEnabled: z.boolean(),
    transitEncryptionEnabled: z.boolean(),
  }),
);

/** One ElastiCache cache cluster (a node of a replication group, or a standalone cluster), as `DescribeCacheClusters` lists it. */
export const elastiCacheCacheClusterSchema = assetSchemaOf("aws.elasticache.cache-cluster", () =>
  z.object({
    cacheClusterId: z.string(),
    /** `Engine`: `redis`, `valkey` or `memcached`. */
    engine: z.string(),
    engineVersion: z.string(),
    /** `ReplicationGroupId`, or null for a standalone cluster. */
    replicationGroupId: z.string().nullable(),
    /** `AutoMinorVersionUpgrade`. */
    autoMinorVersionUpgrade: z.boolean(),
    /** `CacheSubnetGroupName`, or null (EC2-Classic, no subnet group). */
    cacheSubnetGroupName: z.string().nullable(),
    /** `AuthTokenEnabled`: clients must present the Redis OSS AUTH token. */
    authTokenEnabled: z.boolean(),
  }),
);
