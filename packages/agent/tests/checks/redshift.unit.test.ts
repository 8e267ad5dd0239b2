import { describe, expect, it } from "vitest";
import { redshiftClusterAsset } from "../../src/collectors/index.ts";

describe("the Redshift cluster asset", () => {
  it("keeps the cluster when a per-cluster read failed, with the fields behind that call unread", () => {
    const denied = {
      ok: false as const,
      kind: "denied" as const,
      code: "AccessDenied",
      message: "not allowed",
      call: "redshift:DescribeLoggingStatus",
    };
    const throttled = {
      ok: false as const,
      kind: "error" as const,
      code: "ThrottlingException",
      message: "Rate exceeded",
      call: "redshift:DescribeClusterParameters",
    };
    const asset = redshiftClusterAsset(
      { accountId: "123456789012", region: "us-east-1", partition: "aws" },
      { ClusterIdentifier: "analytics", PubliclyAccessible: false, Encrypted: true, DBName: "dev" },
      denied,
      throttled,
      { ...denied, call: "ec2:DescribeSecurityGroups" },
    );
    expect(asset.arn).toBe("arn:aws:redshift:us-east-1:123456789012:cluster:analytics");
    expect(asset.config.loggingEnabled).toBeUndefined();
    expect(asset.config.requireSsl).toBeUndefined();
    expect(asset.config.dbName).toBe("dev");
    expect(asset.unread?.loggingEnabled?.kind).toBe("denied");
    expect(asset.config.securityGroupsOpenOnPort).toBeUndefined();
    expect(asset.unread?.securityGroupsOpenOnPort).toMatchObject({
      kind: "denied",
      call: "ec2:DescribeSecurityGroups",
    });
    expect(asset.unread?.requireSsl).toMatchObject({
      kind: "throttled",
      call: "redshift:DescribeClusterParameters",
    });
  });
});
