import { describe, expect, it } from "vitest";
import {
  ssmDocumentAsset,
  ssmDocumentSharingSettingAsset,
  ssmInstanceAsset,
} from "../../src/collectors/index.ts";

const WHERE = { accountId: "123456789012", region: "eu-west-1", partition: "aws" };
const denied = (call: string) =>
  ({ ok: false, kind: "denied", code: "AccessDeniedException", message: "not authorized", call }) as const;

describe("the Systems Manager assets", () => {
  it("keep the instance when the region's SSM reads failed, their fields unread", () => {
    const asset = ssmInstanceAsset(
      WHERE,
      { InstanceId: "i-0123", State: { Name: "running", Code: 16 } },
      {
        managed: denied("ssm:DescribeInstanceInformation"),
        compliance: {
          ok: false,
          kind: "error",
          code: "InternalServerError",
          message: "boom",
          call: "ssm:ListResourceComplianceSummaries",
        },
      },
    );
    expect(asset.arn).toBe("arn:aws:ssm:eu-west-1:123456789012:managed-instance-inventory/i-0123");
    expect(asset.config).toEqual({ instanceId: "i-0123", instanceState: "running" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual([
      "associationCompliance",
      "managed",
      "patchCompliance",
    ]);
  });

  it("keep the document when DescribeDocumentPermission failed", () => {
    const asset = ssmDocumentAsset(WHERE, "deploy-app", denied("ssm:DescribeDocumentPermission"));
    expect(asset.arn).toBe("arn:aws:ssm:eu-west-1:123456789012:document/deploy-app");
    expect(asset.config).toEqual({ documentName: "deploy-app" });
    expect(Object.keys(asset.unread ?? {})).toEqual(["sharedPublicly"]);
  });

  it("keep the region's sharing setting when GetServiceSetting failed", () => {
    const asset = ssmDocumentSharingSettingAsset(WHERE, denied("ssm:GetServiceSetting"));
    expect(asset.arn).toBe(
      "arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/documents/console/public-sharing-permission",
    );
    expect(Object.keys(asset.unread ?? {})).toEqual(["settingValue"]);
  });
});
