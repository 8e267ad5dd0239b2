import { describe, expect, it } from "vitest";
import { sqsQueueAsset } from "../../src/collectors/index.ts";

describe("the SQS queue asset", () => {
  it("keeps the queue, named from its URL, when GetQueueAttributes failed", () => {
    const asset = sqsQueueAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
      {
        ok: false,
        kind: "error",
        code: "QueueDoesNotExist",
        message: "gone",
        call: "sqs:GetQueueAttributes",
      },
    );
    expect(asset.arn).toBe("arn:aws:sqs:eu-west-1:123456789012:jobs");
    expect(asset.config).toEqual({ queueName: "jobs" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual([
      "kmsMasterKeyId",
      "policyPublic",
      "sqsManagedSse",
    ]);
  });
});
