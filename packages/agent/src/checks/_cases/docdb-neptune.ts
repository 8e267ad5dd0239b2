import type { DBCluster, DBClusterSnapshot, Parameter } from "@aws-sdk/client-rds";
import { dbClusterAsset, dbClusterSnapshotAsset } from "../../collectors/index.ts";
import { ACCOUNT, parameter, parametersRead, REGION } from "./aws.ts";
import type { CheckCase } from "./case.ts";
import { both } from "./verdicts.ts";

export const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** One `DescribeDBClusters` `DBClusters` entry, as a careful owner configures it. */
export const CLUSTER: DBCluster = {
  DBClusterIdentifier: "graph",
  DBClusterArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:graph`,
  Engine: "neptune",
  EngineVersion: "1.3.2.1",
  Status: "available",
  MultiAZ: true,
  BackupRetentionPeriod: 7,
  StorageEncrypted: true,
  KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd`,
  DeletionProtection: true,
  EnabledCloudwatchLogsExports: ["audit"],
  IAMDatabaseAuthenticationEnabled: true,
  CopyTagsToSnapshot: true,
  DBClusterParameterGroup: "graph-params",
  DBClusterMembers: [
    { DBInstanceIdentifier: "graph-1", IsClusterWriter: true, DBClusterParameterGroupStatus: "in-sync" },
    { DBInstanceIdentifier: "graph-2", IsClusterWriter: false, DBClusterParameterGroupStatus: "in-sync" },
  ],
  TagList: [{ Key: "team", Value: "data" }],
};
export const SNAPSHOT: DBClusterSnapshot = {
  DBClusterSnapshotIdentifier: "graph-before-upgrade",
  DBClusterSnapshotArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:graph-before-upgrade`,
  DBClusterIdentifier: "graph",
  Engine: "neptune",
  SnapshotType: "manual",
  Status: "available",
  StorageEncrypted: true,
  KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd`,
};
export const restore = (values: string[]) => ({
  ok: true as const,
  value: {
    DBClusterSnapshotAttributesResult: {
      DBClusterSnapshotIdentifier: "graph-before-upgrade",
      DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: values }],
    },
  },
});
/** The assets the DocumentDB/Neptune collectors build (the engine decides the asset type). */
export const cluster = (
  engine: "docdb" | "neptune",
  over: Partial<DBCluster> = {},
  parameters: Parameter[] = [parameter("tls", "tls1.2+")],
) => {
  const asset = dbClusterAsset(WHERE, { ...CLUSTER, Engine: engine, ...over }, parametersRead(parameters));
  if (!asset) throw new Error("a docdb/neptune cluster must give an asset");
  return asset;
};
export const snapshot = (
  engine: "docdb" | "neptune",
  over: Partial<DBClusterSnapshot> = {},
  values: string[] = [],
) => {
  const s = { ...SNAPSHOT, Engine: engine, ...over };
  const asset = dbClusterSnapshotAsset(WHERE, s, s.SnapshotType === "manual" ? restore(values) : undefined);
  if (!asset) throw new Error("a docdb/neptune snapshot must give an asset");
  return asset;
};
export const shared = (engine: "docdb" | "neptune"): CheckCase[] => [
  ...both(
    `vigil.${engine}.cluster-encrypted`,
    ["StorageEncrypted true", cluster(engine)],
    ["StorageEncrypted false", cluster(engine, { StorageEncrypted: false, KmsKeyId: undefined })],
  ),
  ...both(
    `vigil.${engine}.cluster-backup-retention`,
    ["BackupRetentionPeriod 7", cluster(engine)],
    ["BackupRetentionPeriod 1 (the default)", cluster(engine, { BackupRetentionPeriod: 1 })],
  ),
  ...both(
    `vigil.${engine}.cluster-audit-logs-exported`,
    ["EnabledCloudwatchLogsExports audit", cluster(engine)],
    [
      "EnabledCloudwatchLogsExports profiler only",
      cluster(engine, { EnabledCloudwatchLogsExports: ["profiler"] }),
    ],
  ),
  {
    check: `vigil.${engine}.cluster-audit-logs-exported`,
    name: "no EnabledCloudwatchLogsExports",
    asset: cluster(engine, { EnabledCloudwatchLogsExports: undefined }),
    expect: "fail",
  },
  ...both(
    `vigil.${engine}.cluster-deletion-protection`,
    ["DeletionProtection true", cluster(engine)],
    ["DeletionProtection false", cluster(engine, { DeletionProtection: false })],
  ),
  ...both(
    `vigil.${engine}.snapshot-not-public`,
    ["manual, shared with one account", snapshot(engine, {}, ["210987654321"])],
    ["manual, restore all", snapshot(engine, {}, ["all"])],
  ),
  {
    check: `vigil.${engine}.snapshot-not-public`,
    name: "automated snapshot (cannot be shared)",
    asset: snapshot(engine, {
      SnapshotType: "automated",
      DBClusterSnapshotIdentifier: "rds:graph-2026-05-31",
    }),
    expect: "n/a",
  },
];
