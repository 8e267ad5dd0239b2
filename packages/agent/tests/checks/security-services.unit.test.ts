import { describe, expect, it } from "vitest";
import {
  backupSettingsAsset,
  guardDutySettingsAsset,
  inspectorSettingsAsset,
  macieSettingsAsset,
  organizationsAccountAsset,
} from "../../src/collectors/index.ts";

const WHERE = { accountId: "123456789012", region: "eu-west-1", partition: "aws" };
const failed = (call: string, code = "ThrottlingException") => ({
  ok: false as const,
  kind: "error" as const,
  code,
  message: "Rate exceeded",
  call,
});
const denied = (call: string) => ({
  ok: false as const,
  kind: "denied" as const,
  code: "AccessDeniedException",
  message: "not authorized",
  call,
});

describe("the security services' assets when a read fails", () => {
  it("GuardDuty: the region's asset stays, its detector fields unread when GetDetector failed", () => {
    const asset = guardDutySettingsAsset(
      WHERE,
      { ok: true, value: { DetectorIds: ["12abc34d567e8fa901bc2d34e56789f0"] } },
      failed("guardduty:GetDetector"),
    );
    expect(asset.arn).toBe("123456789012/eu-west-1");
    expect(asset.config).toEqual({ detectorId: "12abc34d567e8fa901bc2d34e56789f0" });
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["features", "status"]);
    expect(asset.unread?.status?.kind).toBe("throttled");
  });

  it("GuardDuty: a denied ListDetectors is not 'no detector'", () => {
    const asset = guardDutySettingsAsset(WHERE, denied("guardduty:ListDetectors"));
    expect(asset.config).toEqual({});
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["detectorId", "features", "status"]);
  });

  it("Inspector: the account missing from the answer (failedAccounts) is unread, not disabled", () => {
    const asset = inspectorSettingsAsset(WHERE, {
      ok: true,
      value: {
        accounts: [],
        failedAccounts: [{ accountId: "123456789012", errorCode: "ACCESS_DENIED", errorMessage: "denied" }],
      },
    });
    expect(asset.config).toEqual({});
    expect(asset.unread?.ec2Status?.kind).toBe("denied");
    expect(Object.keys(asset.unread ?? {})).toHaveLength(5);
  });

  it("Macie: a real AccessDeniedException (not 'Macie is not enabled') leaves the status unread", () => {
    const asset = macieSettingsAsset(WHERE, denied("macie2:GetMacieSession"));
    expect(asset.config).toEqual({});
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["automatedDiscoveryStatus", "status"]);
  });

  it("Macie: a failed GetAutomatedDiscoveryConfiguration leaves only that field unread", () => {
    const asset = macieSettingsAsset(
      WHERE,
      { ok: true, value: { status: "ENABLED" } },
      failed("macie2:GetAutomatedDiscoveryConfiguration", "InternalServerException"),
    );
    expect(asset.config).toEqual({ status: "ENABLED" });
    expect(asset.unread?.automatedDiscoveryStatus?.kind).toBe("failed");
  });

  it("Backup: a count whose listing failed is unread, the others kept", () => {
    const asset = backupSettingsAsset(WHERE, {
      backupPlans: { ok: true, value: { BackupPlansList: [{}] } },
      backupVaults: { ok: true, value: { BackupVaultList: [] } },
      reportPlans: denied("backup:ListReportPlans"),
    });
    expect(asset.config).toEqual({ backupPlans: 1, backupVaults: 0 });
    expect(Object.keys(asset.unread ?? {})).toEqual(["reportPlans"]);
  });

  it("Organizations: a denied DescribeOrganization is not 'no organization'", () => {
    const asset = organizationsAccountAsset("123456789012", denied("organizations:DescribeOrganization"));
    expect(asset.arn).toBe("123456789012");
    expect(asset.region).toBe("global");
    expect(asset.config).toEqual({});
    expect(Object.keys(asset.unread ?? {}).sort()).toEqual(["featureSet", "organizationId"]);
  });
});
