import { describe, expect, it } from "vitest";
import { TEMPLATE } from "../../src/checks/_cases/launch-templates.ts";
import { launchTemplateAsset } from "../../src/collectors/index.ts";

describe("the launch template asset", () => {
  const WHERE = { accountId: "123456789012", region: "eu-west-1", partition: "aws" };

  it("keeps the template when DescribeLaunchTemplateVersions failed, its version's fields unread", () => {
    const asset = launchTemplateAsset(WHERE, TEMPLATE, {
      ok: false,
      kind: "denied",
      code: "UnauthorizedOperation",
      message: "You are not authorized to perform this operation.",
      call: "ec2:DescribeLaunchTemplateVersions",
    });
    expect(asset.arn).toBe("arn:aws:ec2:eu-west-1:123456789012:launch-template/lt-0a20c965061f64abc");
    expect(asset.config).toEqual({ launchTemplateName: "web", defaultVersion: 3 });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual([
      "associatePublicIpAddress",
      "ebsVolumes",
      "metadataHttpEndpoint",
      "metadataHttpTokens",
    ]);
  });

  it("marks the version's fields unread when the default version is not in the answer", () => {
    const asset = launchTemplateAsset(WHERE, TEMPLATE, { ok: true, value: { LaunchTemplateVersions: [] } });
    expect(asset.unread?.associatePublicIpAddress?.code).toBe("InvalidLaunchTemplateId.VersionNotFound");
  });
});
