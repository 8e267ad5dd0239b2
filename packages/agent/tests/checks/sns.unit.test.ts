import { describe, expect, it } from "vitest";
import { snsTopicAsset } from "../../src/collectors/index.ts";

describe("the SNS topic asset", () => {
  it("keeps the topic, named from its ARN, when GetTopicAttributes was denied", () => {
    const arn = "arn:aws:sns:us-east-1:123456789012:alerts";
    const asset = snsTopicAsset({ accountId: "123456789012", region: "us-east-1", partition: "aws" }, arn, {
      ok: false,
      kind: "denied",
      code: "AuthorizationError",
      message: "not authorized",
      call: "sns:GetTopicAttributes",
    });
    expect(asset.arn).toBe(arn);
    expect(asset.config).toEqual({ topicName: "alerts" });
    expect(asset.unread?.policyPublic?.kind).toBe("denied");
  });
});
