import type { AssetReportView } from "@vigil/events";
import { describe, expect, it } from "vitest";
import { renderOrganizationPage } from "../src/dashboard/pages.ts";
import { frameworkScoresOf } from "../src/dashboard/posture.ts";
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

describe("an organization's page", () => {
  it("scores each framework over its member accounts' latest reports", () => {
    const withResults = (status: "pass" | "fail", frameworks: string[]) =>
      ({
        ...report(status === "fail" ? { high: 1 } : {}),
        results: [
          { checkId: "vigil.s3.bucket-encrypted", status, severity: "high", title: "Encrypted", frameworks },
        ],
      }) as AssetReportView;
    const members = [member("111111111111", "active"), member("222222222222", "active")];
    const reports = new Map([
      [members[0]?.integrationId as string, [withResults("pass", ["cis-aws-5.0:2.1.1", "aws-fsbp:S3.17"])]],
      [members[1]?.integrationId as string, [withResults("fail", ["cis-aws-5.0:2.1.1", "aws-fsbp:S3.17"])]],
    ]);
    const frameworks = frameworkScoresOf([...reports.values()].flat());
    expect(frameworks.map((f) => [f.id, f.score, f.failedRequirements, f.requirements])).toEqual([
      ["aws-fsbp", 50, 1, 1],
      ["cis-aws-5.0", 50, 1, 1],
    ]);
    const page = String(
      renderOrganizationPage({
        organization: {
          organizationIntegrationId: "org-aaaaaaaaaaaa",
          organizationId: "o-abc",
          homeRegion: "us-east-1",
        },
        rollup: organizationRollup(members, reports),
        frameworks,
      }),
    );
    expect(page).toContain('id="framework-cis-aws-5.0"');
    expect(page).toContain("CIS AWS Foundations v5.0");
    expect(page).toContain("1 of 1 requirements failing · 1 failed, 1 passed");
    // No trend is drawn where none is computed (not "a trend appears after two scans").
    expect(page).not.toContain('id="trend-cis-aws-5.0"');
  });
});
