import { describe, expect, it } from "vitest";
import { openSearchDomainAsset } from "../../src/collectors/index.ts";

describe("the OpenSearch domain asset", () => {
  it("keeps the listed domain when DescribeDomain failed, every field behind it unread", () => {
    const asset = openSearchDomainAsset(
      { accountId: "123456789012", region: "eu-west-1", partition: "aws" },
      "logs",
      {
        ok: false,
        kind: "denied",
        code: "AccessDeniedException",
        message: "not allowed",
        call: "opensearch:DescribeDomain",
      },
    );
    expect(asset.arn).toBe("arn:aws:es:eu-west-1:123456789012:domain/logs");
    expect(asset.config).toEqual({ domainName: "logs" });
    expect(Object.keys(asset.unread ?? {})).toHaveLength(12);
    expect(asset.unread?.encryptionAtRest).toMatchObject({
      kind: "denied",
      call: "opensearch:DescribeDomain",
    });
  });
});
