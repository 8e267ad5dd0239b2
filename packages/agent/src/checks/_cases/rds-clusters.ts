import type { DBCluster, Parameter } from "@aws-sdk/client-rds";
import { dbClusterAsset } from "../../collectors/index.ts";
import { ACCOUNT, parameter, parametersRead, REGION } from "./aws.ts";

const WHERE = { accountId: ACCOUNT, region: REGION, partition: "aws" };
/** One `DescribeDBClusters` `DBClusters` entry for an Aurora MySQL cluster, as a careful owner configures it. */
export const RDS_CLUSTER: DBCluster = {
  DBClusterIdentifier: "orders",
  DBClusterArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:orders`,
  Engine: "aurora-mysql",
  EngineVersion: "8.0.mysql_aurora.3.08.0",
  EngineMode: "provisioned",
  Status: "available",
  MultiAZ: true,
  AvailabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
  BackupRetentionPeriod: 7,
  StorageEncrypted: true,
  KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd`,
  DeletionProtection: true,
  EnabledCloudwatchLogsExports: ["audit", "error", "slowquery"],
  IAMDatabaseAuthenticationEnabled: true,
  CopyTagsToSnapshot: true,
  MasterUsername: "orders_owner",
  BacktrackWindow: 86_400,
  DBClusterParameterGroup: "orders-aurora-mysql8",
  DBClusterMembers: [
    { DBInstanceIdentifier: "orders-1", IsClusterWriter: true, DBClusterParameterGroupStatus: "in-sync" },
    { DBInstanceIdentifier: "orders-2", IsClusterWriter: false, DBClusterParameterGroupStatus: "in-sync" },
  ],
  TagList: [{ Key: "team", Value: "orders" }],
};
/** A Multi-AZ DB cluster of RDS for PostgreSQL or MySQL: no backtracking, its own minor version upgrades. */
export const MULTI_AZ_CLUSTER: Partial<DBCluster> = {
  Engine: "postgres",
  EngineVersion: "16.4",
  BacktrackWindow: undefined,
  AutoMinorVersionUpgrade: true,
  EnabledCloudwatchLogsExports: ["postgresql", "upgrade"],
  DBClusterInstanceClass: "db.m6gd.large",
  StorageType: "io1",
};
/** An Aurora PostgreSQL cluster's differences from the Aurora MySQL one. */
export const AURORA_POSTGRESQL: Partial<DBCluster> = {
  Engine: "aurora-postgresql",
  EngineVersion: "16.4",
  BacktrackWindow: undefined,
  EnabledCloudwatchLogsExports: ["postgresql"],
};
/** Aurora MySQL's database activity auditing as a careful owner sets it in the cluster parameter group. */
export const AUDITED: Parameter[] = [
  parameter("server_audit_logging", "1"),
  parameter("server_audit_events", "CONNECT,QUERY_DCL,QUERY_DDL"),
];
/** The asset the RDS cluster collector builds from that answer, changed by `over`; its group answers `parameters`. */
export const rdsCluster = (over: Partial<DBCluster> = {}, parameters: Parameter[] = AUDITED) => {
  const asset = dbClusterAsset(WHERE, { ...RDS_CLUSTER, ...over }, parametersRead(parameters));
  if (asset?.type !== "aws.rds.cluster") throw new Error("an RDS cluster engine must give aws.rds.cluster");
  return asset;
};
