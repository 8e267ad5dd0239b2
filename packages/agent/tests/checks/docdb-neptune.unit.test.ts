import { describe, expect, it } from "vitest";
import { dbClusterAsset, dbClusterSnapshotAsset } from "../../src/collectors/index.ts";

const WHERE = { accountId: "123456789012", region: "us-east-1", partition: "aws" };

describe("the DocumentDB and Neptune assets", () => {
  it("are typed by engine; another engine's cluster (Aurora) is not theirs", () => {
    expect(dbClusterAsset(WHERE, { DBClusterIdentifier: "a", Engine: "docdb" })?.type).toBe(
      "aws.docdb.cluster",
    );
    expect(dbClusterAsset(WHERE, { DBClusterIdentifier: "b", Engine: "neptune" })?.type).toBe(
      "aws.neptune.cluster",
    );
    expect(dbClusterAsset(WHERE, { DBClusterIdentifier: "c", Engine: "aurora-postgresql" })).toBeUndefined();
  });

  it("keeps a manual snapshot whose attributes could not be read, with restoreAttributeValues unread", () => {
    const asset = dbClusterSnapshotAsset(
      WHERE,
      {
        DBClusterSnapshotIdentifier: "docs-manual",
        Engine: "docdb",
        SnapshotType: "manual",
        StorageEncrypted: true,
      },
      {
        ok: false,
        kind: "denied",
        code: "AccessDenied",
        message: "not allowed",
        call: "rds:DescribeDBClusterSnapshotAttributes",
      },
    );
    expect(asset?.arn).toBe("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:docs-manual");
    expect(asset?.config).toEqual({
      dbClusterSnapshotIdentifier: "docs-manual",
      snapshotType: "manual",
      storageEncrypted: true,
    });
    expect(asset?.unread?.restoreAttributeValues).toMatchObject({
      kind: "denied",
      call: "rds:DescribeDBClusterSnapshotAttributes",
    });
  });
});
