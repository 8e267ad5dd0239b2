import { describe, expect, it } from "vitest";
import { rollupLines, statusLines } from "../../src/demo/organization.ts";
import type { OrganizationView } from "../../src/install/index.ts";

/** What `vigil demo --organization` prints: a status line per account, then the roll-up. */
const view: OrganizationView = {
  organization: { organizationIntegrationId: "org-aaaaaaaaaaaa", organizationId: "o-a1b2c3d4e5" },
  members: [
    {
      accountId: "111111111111",
      integrationId: "org-aaaaaaaaaaaa-111111111111",
      status: "active",
      keyId: "vigil-key.x.AAAAAAAAAAkey1",
    },
    {
      accountId: "222222222222",
      integrationId: "org-aaaaaaaaaaaa-222222222222",
      status: "deleted",
      keyId: "vigil-key.x.BBBBBBBBBBkey2",
    },
  ],
  rollup: {
    accounts: 2,
    byStatus: { active: 1, deleted: 1 },
    assets: 3,
    failed: 4,
    failedBySeverity: { high: 3, low: 1 },
    notAssessed: 0,
    byAccount: [
      {
        accountId: "111111111111",
        integrationId: "org-aaaaaaaaaaaa-111111111111",
        status: "active",
        assets: 3,
        failed: 4,
        failedBySeverity: { high: 3, low: 1 },
      },
      {
        accountId: "222222222222",
        integrationId: "org-aaaaaaaaaaaa-222222222222",
        status: "deleted",
        assets: 9,
        failed: 9,
        failedBySeverity: { critical: 9 },
      },
    ],
  },
};

describe("vigil demo --organization's output", () => {
  it("prints one status line per account: where it sits, its status, its key, what it has and what fails by severity", () => {
    const lines = statusLines(view, [
      { name: "prod-a", ou: "prod", accountId: "111111111111" },
      { name: "legacy", ou: "(no OU)", accountId: "222222222222" },
    ]);
    expect(lines[0]?.split(/\s+/)).toEqual([
      "account",
      "name",
      "OU",
      "status",
      "key",
      "assets",
      "failed",
      "critical",
      "high",
      "medium",
      "low",
    ]);
    expect(lines[1]?.split(/\s+/)).toEqual([
      "111111111111",
      "prod-a",
      "prod",
      "active",
      "…AAAAAAkey1",
      "3",
      "4",
      "0",
      "3",
      "0",
      "1",
    ]);
    expect(lines[2]?.split(/\s+/)).toEqual([
      "222222222222",
      "legacy",
      "(no",
      "OU)",
      "deleted",
      "…BBBBBBkey2",
      "9",
      "9",
      "9",
      "0",
      "0",
      "0",
    ]);
  });

  it("prints the roll-up: accounts by status, assets and failed findings by severity", () => {
    expect(rollupLines(view)).toEqual([
      "Organization o-a1b2c3d4e5 (org-aaaaaaaaaaaa): 2 accounts — 1 active, 1 deleted",
      "Assets 3; failed findings 4 (critical 0, high 3, medium 0, low 1); not assessed 0",
    ]);
  });
});
