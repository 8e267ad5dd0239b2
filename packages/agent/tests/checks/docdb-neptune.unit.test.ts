import { describe, expect, it } from "vitest";
import { dbClusterAsset, dbClusterSnapshotAsset } from "../../src/collectors/index.ts";

const WHERE = { accountId: "123456789012", region: "us-east-1", partition: "aws" };

describe("the DocumentDB and Neptune assets", () => {
  it("are typed by engine; RDS's own clusters (Aurora, Multi-AZ DB clusters) are aws.rds.cluster", () => {
    expect(dbClusterAsset(WHERE, { DBClusterIdentifier: "a", Engine: "docdb" }, undefined)?.type).toBe(
      "aws.docdb.cluster",
    );
    expect(dbClusterAsset(WHERE, { DBClusterIdentifier: "b", Engine: "neptune" }, undefined)?.type).toBe(
      "aws.neptune.cluster",
    );
    for (const engine of ["aurora", "aurora-mysql", "aurora-postgresql", "mysql", "postgres"])
      expect(dbClusterAsset(WHERE, { DBClusterIdentifier: "c", Engine: engine }, undefined)?.type).toBe(
        "aws.rds.cluster",
      );
    expect(
      dbClusterAsset(WHERE, { DBClusterIdentifier: "d", Engine: "memorydb" }, undefined),
    ).toBeUndefined();
    // Aurora sets automatic minor version upgrades per instance: not answered, not assumed.
    const aurora = dbClusterAsset(WHERE, { DBClusterIdentifier: "e", Engine: "aurora-mysql" }, undefined);
    expect(aurora?.config).not.toHaveProperty("autoMinorVersionUpgrade");
    expect(aurora?.config).toMatchObject({ masterUsername: null, backtrackWindow: 0 });
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
