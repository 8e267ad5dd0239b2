import type { ReplicationGroup } from "@aws-sdk/client-elasticache";
import { elastiCacheReplicationGroupAsset } from "../../collectors/index.ts";
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
