import { describe, expect, it } from "vitest";
import { dynamoDbTableAsset } from "../../src/collectors/index.ts";

describe("the DynamoDB table asset", () => {
  it("keeps the table when a read failed, with the fields behind that call unread", () => {
    const denied = {
      ok: false as const,
      kind: "denied" as const,
      code: "AccessDeniedException",
      message: "not allowed",
      call: "dynamodb:DescribeContinuousBackups",
    };
    const asset = dynamoDbTableAsset(
      { accountId: "123456789012", region: "us-east-1", partition: "aws" },
      "orders",
      { ok: true, value: { Table: { TableName: "orders", DeletionProtectionEnabled: true } } },
      denied,
    );
    expect(asset.arn).toBe("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
    expect(asset.config).toEqual({
      tableName: "orders",
      deletionProtectionEnabled: true,
      sseType: "AWS_OWNED",
    });
    expect(Object.keys(asset.unread ?? {})).toEqual(["pointInTimeRecoveryEnabled"]);
    expect(asset.unread?.pointInTimeRecoveryEnabled?.call).toBe("dynamodb:DescribeContinuousBackups");
  });
});
