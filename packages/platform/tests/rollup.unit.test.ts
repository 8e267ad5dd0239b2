import type { AssetReportView } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { organizationRollup } from "../src/organizations/rollup.ts";
import type { IntegrationSummary } from "../src/views/platform-views.ts";

const member = (accountId: string, status: IntegrationSummary["status"]): IntegrationSummary => ({
  integrationId: `org-aaaaaaaaaaaa-${accountId}`,
  accountId,
  homeRegion: "us-east-1",
  deployment: "organization",
  organizationIntegrationId: "org-aaaaaaaaaaaa",
  keyId: `key-${accountId}`,
  status,
  statusChangedAt: undefined,
  createdAt: "2025-01-01T00:00:00.000Z",
});

const report = (fail: Partial<Record<"critical" | "high" | "low", number>>, error = 0): AssetReportView =>
  ({
    totals: { pass: 1, fail: Object.values(fail).reduce((t, n) => t + n, 0), muted: 0, error },
    failedBySeverity: fail,
  }) as AssetReportView;

describe("an organization's roll-up", () => {
  it("counts assets and findings by account and severity, the organization's totals over the accounts still in it", () => {
    const members = [
      member("111111111111", "active"),
      member("222222222222", "active"),
      member("333333333333", "deleted"),
    ];
    const reports = new Map([
      ["org-aaaaaaaaaaaa-111111111111", [report({ high: 2 }), report({ critical: 1, low: 1 }, 1)]],
      ["org-aaaaaaaaaaaa-222222222222", [report({ high: 1 })]],
      ["org-aaaaaaaaaaaa-333333333333", [report({ critical: 5 })]],
    ]);
    const r = organizationRollup(members, reports);
    expect(
      r.byAccount.map((a) => [a.accountId, a.status, a.assets, a.failed, a.failedBySeverity, a.notAssessed]),
    ).toEqual([
      ["111111111111", "active", 2, 4, { high: 2, critical: 1, low: 1 }, 1],
      ["222222222222", "active", 1, 1, { high: 1 }, 0],
      ["333333333333", "deleted", 1, 5, { critical: 5 }, 0],
    ]);
    expect(r).toMatchObject({
      accounts: 3,
      byStatus: { active: 2, deleted: 1 },
      assets: 3,
      failed: 5,
      failedBySeverity: { high: 3, critical: 1, low: 1 },
      notAssessed: 1,
    });
  });
});
