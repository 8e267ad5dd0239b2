import { describe, expect, it } from "vitest";
import { kinesisStreamAsset } from "../../src/collectors/index.ts";

describe("the Kinesis stream asset", () => {
  it("keeps the stream, named as listed, when DescribeStreamSummary failed", () => {
    const asset = kinesisStreamAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      "clicks",
      {
        ok: false,
        kind: "denied",
        code: "AccessDeniedException",
        message: "not authorized to perform: kinesis:DescribeStreamSummary",
        call: "kinesis:DescribeStreamSummary",
      },
    );
    expect(asset.arn).toBe("arn:aws:kinesis:eu-west-1:123456789012:stream/clicks");
    expect(asset.config).toEqual({ streamName: "clicks" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["encryptionType", "retentionPeriodHours"]);
    expect(asset.unread?.encryptionType?.kind).toBe("denied");
  });
});
