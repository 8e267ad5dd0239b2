import * as z from "zod";
import { assetSchemaOf } from "./base.ts";

/** One ElastiCache (Redis OSS / Valkey) replication group, as `DescribeReplicationGroups` lists it. */
export const elastiCacheReplicationGroupSchema = assetSchemaOf(
  "aws.elasticache.replication-group",
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
