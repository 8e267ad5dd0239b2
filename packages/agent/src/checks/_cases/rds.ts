import type { DBInstance, Parameter } from "@aws-sdk/client-rds";
import { dbInstance, dbSnapshot } from "./aws.ts";

/** A PostgreSQL instance as a careful owner configures it, changed by `over`; its group answers `parameters`. */
export const db = (over: Partial<DBInstance> = {}, parameters: Parameter[] = []) =>
  dbInstance(
    {
      DBInstanceIdentifier: "orders",
      DBInstanceArn: "arn:aws:rds:us-east-1:123456789012:db:orders",
      DBInstanceClass: "db.t4g.medium",
      Engine: "postgres",
      EngineVersion: "16.3",
      DBInstanceStatus: "available",
      PubliclyAccessible: false,
      StorageEncrypted: true,
      KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1111",
      BackupRetentionPeriod: 7,
      AutoMinorVersionUpgrade: true,
      MultiAZ: true,
      DeletionProtection: true,
      MonitoringInterval: 60,
      MonitoringRoleArn: "arn:aws:iam::123456789012:role/rds-monitoring-role",
      IAMDatabaseAuthenticationEnabled: true,
      CopyTagsToSnapshot: true,
      MasterUsername: "orders_owner",
      EnabledCloudwatchLogsExports: ["postgresql", "upgrade"],
      Endpoint: {
        Address: "orders.c9akciq32.us-east-1.rds.amazonaws.com",
        Port: 6543,
        HostedZoneId: "Z2R2ITUGPM61AM",
      },
      TagList: [{ Key: "team", Value: "orders" }],
      DBParameterGroups: [{ DBParameterGroupName: "default.postgres16", ParameterApplyStatus: "in-sync" }],
      ...over,
    },
    parameters,
  );
export const snap = (Encrypted: boolean, restore: string[]) =>
  dbSnapshot(
    {
      DBSnapshotIdentifier: "orders-2025-05-31",
      DBSnapshotArn: "arn:aws:rds:us-east-1:123456789012:snapshot:orders-2025-05-31",
      DBInstanceIdentifier: "orders",
      Encrypted,
      SnapshotType: "manual",
    },
    {
      DBSnapshotIdentifier: "orders-2025-05-31",
      DBSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: restore }],
    },
  );
