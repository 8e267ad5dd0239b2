import { describe, expect, it } from "vitest";
import { ecsClusterAsset, ecsTaskDefinitionAsset } from "../../src/collectors/index.ts";

describe("the ECS assets", () => {
  const where = { accountId: "123456789012", region: "us-east-1", partition: "aws" };
  it("name a task definition family without its revision, and keep only variable names", () => {
    const asset = ecsTaskDefinitionAsset(where, "api", {
      ok: true,
      value: {
        taskDefinition: {
          family: "api",
          revision: 4,
          containerDefinitions: [{ name: "api", environment: [{ name: "TOKEN", value: "s3cr3t" }] }],
        },
      },
    });
    expect(asset.arn).toBe("arn:aws:ecs:us-east-1:123456789012:task-definition/api");
    expect(asset.config.networkMode).toBe("bridge");
    expect(JSON.stringify(asset)).not.toContain("s3cr3t");
  });
  it("leave Container Insights unread for a cluster DescribeClusters did not return", () => {
    const arn = "arn:aws:ecs:us-east-1:123456789012:cluster/gone";
    const asset = ecsClusterAsset(where, arn, {
      ok: true,
      value: { clusters: [], failures: [{ arn, reason: "MISSING" }] },
    });
    expect(asset.config).toEqual({ clusterName: "gone" });
    expect(asset.unread?.containerInsights).toMatchObject({ call: "ecs:DescribeClusters", code: "MISSING" });
  });
});
