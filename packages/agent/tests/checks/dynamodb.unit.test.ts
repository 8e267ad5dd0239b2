import { describe, expect, it } from "vitest";
import { PITR_ON, scalableTarget as target, WHERE } from "../../src/checks/_cases/dynamodb.ts";
import { dynamoDbTableAsset } from "../../src/collectors/index.ts";

const denied = (call: string) => ({
  ok: false as const,
  kind: "denied" as const,
  code: "AccessDeniedException",
  message: "not allowed",
  call,
});
const BACKUPS_ON = { ok: true as const, value: PITR_ON };

describe("the DynamoDB table asset", () => {
  it("keeps the table when a read failed, with the fields behind that call unread", () => {
    const asset = dynamoDbTableAsset(
      WHERE,
      "orders",
      { ok: true, value: { Table: { TableName: "orders", DeletionProtectionEnabled: true } } },
      denied("dynamodb:DescribeContinuousBackups"),
      {
        ok: true,
        value: {
          ScalableTargets: [
            target("table/orders", "dynamodb:table:ReadCapacityUnits"),
            target("table/orders", "dynamodb:table:WriteCapacityUnits"),
          ],
        },
      },
    );
    expect(asset.arn).toBe("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
    expect(asset.config).toEqual({
      tableName: "orders",
      deletionProtectionEnabled: true,
      sseType: "AWS_OWNED",
      billingMode: "PROVISIONED",
      capacityWithoutAutoScaling: [],
    });
    expect(Object.keys(asset.unread ?? {})).toEqual(["pointInTimeRecoveryEnabled"]);
    expect(asset.unread?.pointInTimeRecoveryEnabled?.call).toBe("dynamodb:DescribeContinuousBackups");
  });

  it("names every provisioned capacity, of the table and of each global secondary index, that no target scales", () => {
    const asset = dynamoDbTableAsset(
      WHERE,
      "orders",
      {
        ok: true,
        value: {
          Table: {
            TableName: "orders",
            BillingModeSummary: { BillingMode: "PROVISIONED" },
            GlobalSecondaryIndexes: [{ IndexName: "by-customer" }],
          },
        },
      },
      BACKUPS_ON,
      {
        ok: true,
        value: {
          ScalableTargets: [
            target("table/orders", "dynamodb:table:ReadCapacityUnits"),
            target("table/orders/index/by-customer", "dynamodb:index:WriteCapacityUnits"),
            // Another table's target covers nothing of this one.
            target("table/orders-archive", "dynamodb:table:WriteCapacityUnits"),
          ],
        },
      },
    );
    expect(asset.config.capacityWithoutAutoScaling).toEqual([
      "table/orders:write",
      "table/orders/index/by-customer:read",
    ]);
  });

  it("leaves auto scaling unread for a provisioned table when the targets could not be read, and needs them not for an on-demand one", () => {
    const provisioned = dynamoDbTableAsset(
      WHERE,
      "orders",
      { ok: true, value: { Table: { TableName: "orders" } } },
      BACKUPS_ON,
      denied("application-autoscaling:DescribeScalableTargets"),
    );
    expect(provisioned.config.billingMode).toBe("PROVISIONED");
    expect(provisioned.config.capacityWithoutAutoScaling).toBeUndefined();
    expect(provisioned.unread?.capacityWithoutAutoScaling?.call).toBe(
      "application-autoscaling:DescribeScalableTargets",
    );
    const onDemand = dynamoDbTableAsset(
      WHERE,
      "orders",
      {
        ok: true,
        value: { Table: { TableName: "orders", BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" } } },
      },
      BACKUPS_ON,
      denied("application-autoscaling:DescribeScalableTargets"),
    );
    expect(onDemand.config.capacityWithoutAutoScaling).toEqual([]);
    expect(onDemand.unread).toBeUndefined();
  });
});
