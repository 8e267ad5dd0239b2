import type { ReplicationGroup } from "@aws-sdk/client-elasticache";
import { elastiCacheReplicationGroupAsset } from "../../../src/collectors/index.ts";
import { ACCOUNT, REGION } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };

/** One `DescribeReplicationGroups` `ReplicationGroups` entry, as a careful owner configures it. */
const GROUP: ReplicationGroup = {
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
const group = (over: Partial<ReplicationGroup> = {}) =>
  elastiCacheReplicationGroupAsset(WHERE, { ...GROUP, ...over });

export const elastiCacheCases: CheckCase[] = [
  {
    check: "vigil.elasticache.replication-group-backups",
    name: "SnapshotRetentionLimit 7",
    asset: group(),
    expect: "pass",
    evidence: /7 days/,
  },
  {
    check: "vigil.elasticache.replication-group-backups",
    name: "SnapshotRetentionLimit 0",
    asset: group({ SnapshotRetentionLimit: 0 }),
    expect: "fail",
  },
  {
    check: "vigil.elasticache.replication-group-automatic-failover",
    name: "AutomaticFailover enabled",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.replication-group-automatic-failover",
    name: "AutomaticFailover disabled (single node)",
    asset: group({ AutomaticFailover: "disabled", MultiAZ: "disabled", MemberClusters: ["sessions-001"] }),
    expect: "fail",
  },
  {
    check: "vigil.elasticache.replication-group-encrypted-at-rest",
    name: "AtRestEncryptionEnabled true",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.replication-group-encrypted-at-rest",
    name: "AtRestEncryptionEnabled false",
    asset: group({ AtRestEncryptionEnabled: false, KmsKeyId: undefined }),
    expect: "fail",
  },
  {
    check: "vigil.elasticache.replication-group-encrypted-in-transit",
    name: "TransitEncryptionEnabled true",
    asset: group(),
    expect: "pass",
  },
  {
    check: "vigil.elasticache.replication-group-encrypted-in-transit",
    name: "TransitEncryptionEnabled false",
    asset: group({
      TransitEncryptionEnabled: false,
      TransitEncryptionMode: undefined,
      AuthTokenEnabled: false,
    }),
    expect: "fail",
  },
];
