import { describe, expect, it } from "vitest";
import { dmsReplicationTaskAsset } from "../../src/collectors/index.ts";

describe("the DMS replication task asset", () => {
  it("keeps the task, its logging unread, when the listing holds no settings to read", () => {
    const asset = dmsReplicationTaskAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      {
        ReplicationTaskIdentifier: "orders",
        ReplicationTaskArn: "arn:aws:dms:eu-west-1:123456789012:task:TASK0001",
        Status: "ready",
      },
    );
    expect(asset.arn).toBe("arn:aws:dms:eu-west-1:123456789012:task:TASK0001");
    expect(asset.config).toEqual({ replicationTaskIdentifier: "orders" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["logSeverities", "loggingEnabled"]);
    expect(asset.unread?.loggingEnabled?.kind).toBe("failed");
  });
});
