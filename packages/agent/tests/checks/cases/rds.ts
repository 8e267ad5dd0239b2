import type { DBInstance } from "@aws-sdk/client-rds";
import { dbInstance, dbSnapshot } from "../aws-fixtures.ts";
import type { CheckCase } from "../harness.ts";

const db = (over: Partial<DBInstance> = {}) =>
  dbInstance({
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
    TagList: [{ Key: "team", Value: "orders" }],
    ...over,
  });

const snap = (Encrypted: boolean, restore: string[]) =>
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

export const rdsCases: CheckCase[] = [
  { check: "vigil.rds.instance-not-publicly-accessible", name: "private", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-not-publicly-accessible",
    name: "PubliclyAccessible",
    asset: db({ PubliclyAccessible: true }),
    expect: "fail",
  },
  { check: "vigil.rds.instance-storage-encrypted", name: "encrypted", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-storage-encrypted",
    name: "plain",
    asset: db({ StorageEncrypted: false }),
    expect: "fail",
  },
  { check: "vigil.rds.instance-auto-minor-version-upgrade", name: "on", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-auto-minor-version-upgrade",
    name: "off",
    asset: db({ AutoMinorVersionUpgrade: false }),
    expect: "fail",
  },
  {
    check: "vigil.rds.instance-backups-enabled",
    name: "7 days",
    asset: db(),
    expect: "pass",
    evidence: /7 days/,
  },
  {
    check: "vigil.rds.instance-backups-enabled",
    name: "disabled",
    asset: db({ BackupRetentionPeriod: 0 }),
    expect: "fail",
    evidence: /disabled/,
  },
  {
    check: "vigil.rds.instance-backups-enabled",
    name: "1 day",
    asset: db({ BackupRetentionPeriod: 1 }),
    expect: "fail",
  },
  { check: "vigil.rds.instance-deletion-protection", name: "on", asset: db(), expect: "pass" },
  {
    check: "vigil.rds.instance-deletion-protection",
    name: "off",
    asset: db({ DeletionProtection: false }),
    expect: "fail",
  },
  { check: "vigil.rds.instance-multi-az", name: "Multi-AZ", asset: db(), expect: "pass" },
  { check: "vigil.rds.instance-multi-az", name: "single AZ", asset: db({ MultiAZ: false }), expect: "fail" },
  {
    check: "vigil.rds.snapshot-not-public",
    name: "shared with one account",
    asset: snap(true, ["210987654321"]),
    expect: "pass",
  },
  { check: "vigil.rds.snapshot-not-public", name: "restore all", asset: snap(true, ["all"]), expect: "fail" },
  { check: "vigil.rds.snapshot-encrypted", name: "encrypted", asset: snap(true, []), expect: "pass" },
  { check: "vigil.rds.snapshot-encrypted", name: "plain", asset: snap(false, []), expect: "fail" },
];
